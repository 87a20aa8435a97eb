// `node scripts/make-demo-model.mjs`: makes the demo shop's 3D product and its poster in
// examples/shop/public/media/ — bag.glb (a terracotta tote bag: a tapered body, a front pocket and
// two arched dark-brown handles; binary glTF 2.0, about 19 KB) and bag-poster.svg (the same bag
// seen from the front, as <model-viewer> first frames it; 800×800). The gallery's tests and stories
// load this model; its colours match the demo video made by scripts/make-demo-video.mjs.
//
// Why by hand: the model is a handful of flat-shaded solids, so writing the glTF needs no
// dependency (https://registry.khronos.org/glTF/specs/2.0/glTF-2.0.html#binary-gltf-layout).
// Every face has its own four vertices so the normals stay per face (sharp edges); there are no
// textures, only a `pbrMetallicRoughness.baseColorFactor` per material. Rerunning the script gives
// byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'shop', 'public', 'media');

/** Colours shared with the poster (sRGB hex) and the model (converted to linear in the glTF). */
const COLOURS = {
  canvas: '#b5562f',
  pocket: '#d27a52',
  strap: '#7a3a1f',
  skyTop: '#f6f1ea',
  skyBottom: '#e3d8c9',
};

/** Sizes in metres (glTF's unit); y is up, the bag stands on y = 0 and faces +z. */
const BAG = {
  bottomHalfWidth: 0.21,
  topHalfWidth: 0.17,
  height: 0.4,
  halfDepth: 0.06,
  pocket: { halfWidth: 0.11, bottom: 0.1, top: 0.24, thickness: 0.008 },
  handle: { radius: 0.09, thickness: 0.018, rise: 0.05, sink: 0.03, z: 0.045, segments: 10 },
};

// ---- geometry -------------------------------------------------------------------------------

const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const normalize = (a) => {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
};
const mean = (points) => [0, 1, 2].map((i) => points.reduce((sum, p) => sum + p[i], 0) / points.length);

/** A flat-shaded mesh being built: positions, normals and triangle indices. */
function meshBuilder() {
  const positions = [];
  const normals = [];
  const indices = [];
  return {
    positions,
    normals,
    indices,
    /**
     * Adds a solid with six planar quad faces: `a` and `b` are its two end rings of four corners
     * each, in the same rotational order. Faces are wound counter-clockwise seen from outside.
     */
    hexahedron(a, b) {
      const corners = [...a, ...b];
      const centre = mean(corners);
      const quads = [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [0, 1, 5, 4],
        [1, 2, 6, 5],
        [2, 3, 7, 6],
        [3, 0, 4, 7],
      ];
      for (const quad of quads) {
        let q = quad.map((i) => corners[i]);
        // The diagonals' cross product is the quad's normal for any planar quad, even a trapezoid.
        let n = normalize(cross(sub(q[2], q[0]), sub(q[3], q[1])));
        if (dot(n, sub(mean(q), centre)) < 0) {
          q = [q[0], q[3], q[2], q[1]];
          n = n.map((v) => -v);
        }
        const base = positions.length / 3;
        for (const p of q) {
          positions.push(...p);
          normals.push(...n);
        }
        indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
      }
    },
    /** Adds an axis-aligned box from its minimum and maximum corners. */
    box(min, max) {
      const ring = (z) => [
        [min[0], min[1], z],
        [max[0], min[1], z],
        [max[0], max[1], z],
        [min[0], max[1], z],
      ];
      this.hexahedron(ring(min[2]), ring(max[2]));
    },
  };
}

/** The tapered body: wider at the bottom than at the top, same depth. */
function body() {
  const m = meshBuilder();
  const { bottomHalfWidth: wb, topHalfWidth: wt, height: h, halfDepth: d } = BAG;
  const ring = (z) => [
    [-wb, 0, z],
    [wb, 0, z],
    [wt, h, z],
    [-wt, h, z],
  ];
  m.hexahedron(ring(-d), ring(d));
  return m;
}

function pocket() {
  const m = meshBuilder();
  const { halfWidth, bottom, top, thickness } = BAG.pocket;
  m.box([-halfWidth, bottom, BAG.halfDepth], [halfWidth, top, BAG.halfDepth + thickness]);
  return m;
}

/** Two handles, front and back: a half circle of short straight segments on two upright legs. */
function handles() {
  const m = meshBuilder();
  const { radius: r, thickness: t, rise, sink, segments } = BAG.handle;
  const cy = BAG.height + rise;
  for (const z of [BAG.handle.z, -BAG.handle.z]) {
    /** The square cross-section at angle `a` (0 = right leg top, π = left leg top). */
    const section = (a, y = cy + r * Math.sin(a)) => {
      const [c, s] = [Math.cos(a), Math.sin(a)];
      const point = (radius) => [radius * c, y - r * s + radius * s, 0];
      const inner = point(r - t / 2);
      const outer = point(r + t / 2);
      return [
        [inner[0], inner[1], z - t / 2],
        [outer[0], outer[1], z - t / 2],
        [outer[0], outer[1], z + t / 2],
        [inner[0], inner[1], z + t / 2],
      ];
    };
    for (let i = 0; i < segments; i++)
      m.hexahedron(section((Math.PI * i) / segments), section((Math.PI * (i + 1)) / segments));
    // Legs from inside the body's top edge up to where the arch starts.
    m.hexahedron(section(0, BAG.height - sink), section(0, cy));
    m.hexahedron(section(Math.PI, BAG.height - sink), section(Math.PI, cy));
  }
  return m;
}

// ---- glTF -----------------------------------------------------------------------------------

/** sRGB `#rrggbb` to the linear RGBA glTF expects in `baseColorFactor`. */
function linearRgba(hex) {
  const channel = (i) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return Math.round(linear * 10000) / 10000;
  };
  return [channel(0), channel(1), channel(2), 1];
}

const align4 = (n) => (n + 3) & ~3;

function buildGlb() {
  const parts = [
    { name: 'Canvas', mesh: body(), colour: COLOURS.canvas, roughness: 0.85 },
    { name: 'Pocket', mesh: pocket(), colour: COLOURS.pocket, roughness: 0.85 },
    { name: 'Strap', mesh: handles(), colour: COLOURS.strap, roughness: 0.6 },
  ];
  const chunks = [];
  let byteLength = 0;
  const bufferViews = [];
  const accessors = [];
  /** Appends typed data as its own 4-byte-aligned buffer view; returns the view's index. */
  const addView = (typed, target) => {
    const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
    const padded = new Uint8Array(align4(bytes.byteLength));
    padded.set(bytes);
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: bytes.byteLength, target });
    chunks.push(padded);
    byteLength += padded.byteLength;
    return bufferViews.length - 1;
  };
  const ARRAY_BUFFER = 34962;
  const ELEMENT_ARRAY_BUFFER = 34963;
  const FLOAT = 5126;
  const UNSIGNED_SHORT = 5123;

  const primitives = parts.map(({ mesh }, material) => {
    const count = mesh.positions.length / 3;
    const min = [0, 1, 2].map((i) => Math.min(...mesh.positions.filter((_, j) => j % 3 === i)));
    const max = [0, 1, 2].map((i) => Math.max(...mesh.positions.filter((_, j) => j % 3 === i)));
    // min/max must bound the float32 values actually stored, not the float64 ones computed.
    const positions = new Float32Array(mesh.positions);
    const f32 = (v) => Math.fround(v);
    accessors.push({
      bufferView: addView(positions, ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'VEC3',
      min: min.map(f32),
      max: max.map(f32),
    });
    const position = accessors.length - 1;
    accessors.push({
      bufferView: addView(new Float32Array(mesh.normals), ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'VEC3',
    });
    const normal = accessors.length - 1;
    accessors.push({
      bufferView: addView(new Uint16Array(mesh.indices), ELEMENT_ARRAY_BUFFER),
      componentType: UNSIGNED_SHORT,
      count: mesh.indices.length,
      type: 'SCALAR',
    });
    const indices = accessors.length - 1;
    return { attributes: { POSITION: position, NORMAL: normal }, indices, material };
  });

  const gltf = {
    asset: { version: '2.0', generator: 'Vitrine scripts/make-demo-model.mjs' },
    scene: 0,
    scenes: [{ name: 'Demo shop', nodes: [0] }],
    nodes: [{ name: 'Tote bag', mesh: 0 }],
    meshes: [{ name: 'Tote bag', primitives }],
    materials: parts.map(({ name, colour, roughness }) => ({
      name,
      pbrMetallicRoughness: {
        baseColorFactor: linearRgba(colour),
        metallicFactor: 0,
        roughnessFactor: roughness,
      },
    })),
    accessors,
    bufferViews,
    buffers: [{ byteLength }],
  };

  const jsonBytes = new TextEncoder().encode(JSON.stringify(gltf));
  // The JSON chunk is padded with spaces and the BIN chunk with zeros, each to 4 bytes.
  const json = new Uint8Array(align4(jsonBytes.byteLength)).fill(0x20);
  json.set(jsonBytes);
  const bin = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    bin.set(chunk, offset);
    offset += chunk.byteLength;
  }

  const total = 12 + 8 + json.byteLength + 8 + bin.byteLength;
  const glb = new Uint8Array(total);
  const view = new DataView(glb.buffer);
  view.setUint32(0, 0x46546c67, true); // 'glTF'
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, json.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true); // 'JSON'
  glb.set(json, 20);
  const binHeader = 20 + json.byteLength;
  view.setUint32(binHeader, bin.byteLength, true);
  view.setUint32(binHeader + 4, 0x004e4942, true); // 'BIN\0'
  glb.set(bin, binHeader + 8);
  return glb;
}

// ---- poster ---------------------------------------------------------------------------------

/**
 * The bag from the front, as <model-viewer> frames it by default (camera on +z, slightly above):
 * 800×800, the bag about 60 % of the height, on the same warm background as the demo video.
 */
function buildPoster() {
  const scale = 1000; // pixels per metre
  const cx = 400;
  const ground = 650;
  const x = (m) => Math.round(cx + m * scale);
  const y = (m) => Math.round(ground - m * scale);
  const { bottomHalfWidth: wb, topHalfWidth: wt, height: h, pocket: p, handle } = BAG;
  const cy = h + handle.rise;
  const outer = Math.round((handle.radius + handle.thickness / 2) * scale);
  const inner = Math.round((handle.radius - handle.thickness / 2) * scale);
  // Radii in pixels; the legs start inside the body, which is drawn over them.
  const handlePath = (ro, ri) =>
    `M${cx - ro} ${y(h - handle.sink)} V${y(cy)} A${ro} ${ro} 0 0 1 ${cx + ro} ${y(cy)} ` +
    `V${y(h - handle.sink)} H${cx + ri} V${y(cy)} A${ri} ${ri} 0 0 0 ${cx - ri} ${y(cy)} V${y(h - handle.sink)} Z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <title>Tote bag, 3D model preview</title>
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${COLOURS.skyTop}"/>
      <stop offset="1" stop-color="${COLOURS.skyBottom}"/>
    </linearGradient>
  </defs>
  <rect width="800" height="800" fill="url(#sky)"/>
  <ellipse cx="${cx}" cy="${ground + 6}" rx="${Math.round(wb * scale * 1.25)}" ry="22" fill="rgba(60, 40, 20, 0.18)"/>
  <path d="${handlePath(outer, inner)}" fill="${COLOURS.strap}"/>
  <path d="M${x(-wb)} ${y(0)} H${x(wb)} L${x(wt)} ${y(h)} H${x(-wt)} Z" fill="${COLOURS.canvas}"/>
  <rect x="${x(-p.halfWidth)}" y="${y(p.top)}" width="${Math.round(2 * p.halfWidth * scale)}" height="${Math.round((p.top - p.bottom) * scale)}" fill="${COLOURS.pocket}"/>
</svg>
`;
}

mkdirSync(OUT, { recursive: true });
const glb = buildGlb();
writeFileSync(join(OUT, 'bag.glb'), glb);
writeFileSync(join(OUT, 'bag-poster.svg'), buildPoster());
console.log(`wrote ${join(OUT, 'bag.glb')} (${glb.byteLength} bytes) and bag-poster.svg`);
