// `node scripts/make-demo-video.mjs`: makes the demo shop's product video and its companions in
// examples/shop/public/media/ — clip.webm (about 3 s, 640×360, VP8: a tote bag turning once on
// its stand, captioned "Vitrine demo"), clip.en.vtt and clip.zh-CN.vtt (its captions) and
// clip-poster.svg (its first frame). The gallery's tests and stories play this clip.
//
// Why this way: there is no ffmpeg here, but Chromium encodes VP8. The script draws the animation
// on a canvas in headless Chromium and records it with `canvas.captureStream()` + `MediaRecorder`;
// the poster is the same shapes as SVG, so it matches the first frame. Rerunning it gives an
// equivalent (not byte-identical) clip: recording runs on the real clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'shop', 'public', 'media');
const SECONDS = 3;
/** Small on purpose: the clip is committed to the repository. */
const BITS_PER_SECOND = 300_000;

/** The picture, shared by the canvas animation and the SVG poster (640×360 user units). */
const SCENE = {
  width: 640,
  height: 360,
  skyTop: '#f6f1ea',
  skyBottom: '#e3d8c9',
  shadow: 'rgba(60, 40, 20, 0.18)',
  front: '#b5562f',
  back: '#7a3a1f',
  pocket: '#d27a52',
  ink: '#2b2622',
  body: 'M236 150 H404 L428 292 H212 Z',
  pocketPath: 'M264 196 H376 V244 H264 Z',
  handle: 'M276 150 C276 82 364 82 364 150',
  caption: 'Vitrine demo',
  font: 'bold 28px sans-serif',
};

const CUES = {
  en: ['A tote bag turns once on its stand.', 'Front in terracotta, back in dark brown.'],
  'zh-CN': ['托特包在展台上转动一圈。', '正面为陶土色，背面为深棕色。'],
};

/** Runs in the page: draws the scene at `t` seconds; the bag makes one turn, easing in and out. */
function drawScene(ctx, scene, t, seconds) {
  const { width, height } = scene;
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, scene.skyTop);
  sky.addColorStop(1, scene.skyBottom);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);

  const p = t / seconds;
  const turn = Math.cos(2 * Math.PI * p * p * (3 - 2 * p));
  const front = turn >= 0;
  ctx.fillStyle = scene.shadow;
  ctx.beginPath();
  ctx.ellipse(width / 2, 300, 40 + 100 * Math.abs(turn), 12, 0, 0, 2 * Math.PI);
  ctx.fill();

  ctx.save();
  ctx.translate(width / 2, 0);
  // Never quite edge-on, so the bag stays visible as a sliver.
  ctx.scale(Math.sign(turn || 1) * Math.max(Math.abs(turn), 0.04), 1);
  ctx.translate(-width / 2, 0);
  ctx.strokeStyle = front ? scene.front : scene.back;
  ctx.lineWidth = 12;
  ctx.lineCap = 'round';
  ctx.stroke(new Path2D(scene.handle));
  ctx.fillStyle = front ? scene.front : scene.back;
  ctx.fill(new Path2D(scene.body));
  if (front) {
    ctx.fillStyle = scene.pocket;
    ctx.fill(new Path2D(scene.pocketPath));
  }
  ctx.restore();

  ctx.fillStyle = scene.ink;
  ctx.font = scene.font;
  ctx.textAlign = 'center';
  ctx.fillText(scene.caption, width / 2, 340);
}

/** Runs in the page: records the animation, resolves with the WebM as base64. */
async function record(scene, seconds, bitsPerSecond) {
  const draw = globalThis.drawScene;
  const canvas = document.createElement('canvas');
  canvas.width = scene.width;
  canvas.height = scene.height;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d');
  draw(ctx, scene, 0, seconds);

  const recorder = new MediaRecorder(canvas.captureStream(30), {
    mimeType: 'video/webm;codecs=vp8',
    videoBitsPerSecond: bitsPerSecond,
  });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  const start = performance.now();
  await new Promise((resolve) => {
    const frame = (now) => {
      const t = Math.min((now - start) / 1000, seconds);
      draw(ctx, scene, t, seconds);
      if (t < seconds) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  recorder.stop();
  await stopped;
  const url = await new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsDataURL(new Blob(chunks, { type: 'video/webm' }));
  });
  return url.slice(url.indexOf(',') + 1);
}

/**
 * The `Duration` of a WebM's Segment Info in seconds, or null. Recent Chromium writes it (and Cues)
 * when the recorder stops; older versions leave it out, and the clip then reports an `Infinity`
 * duration until played through.
 */
function webmDuration(bytes) {
  const id = (at) => {
    const length = Math.clz32(bytes[at]) - 23;
    return { value: bytes.readUIntBE(at, length), length };
  };
  const size = (at) => {
    const length = Math.clz32(bytes[at]) - 23;
    let value = bytes[at] & (0xff >> length);
    for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i];
    const unknown = value === 2 ** (7 * length) - 1;
    return { value: unknown ? Infinity : value, length };
  };
  const SEGMENT = 0x18538067;
  const INFO = 0x1549a966;
  const TIMECODE_SCALE = 0x2ad7b1;
  const DURATION = 0x4489;
  let at = 0;
  let scale = 1_000_000;
  while (at < bytes.length) {
    const el = id(at);
    const sz = size(at + el.length);
    const data = at + el.length + sz.length;
    if (el.value === SEGMENT || el.value === INFO) {
      at = data; // descend
      continue;
    }
    if (el.value === TIMECODE_SCALE) scale = bytes.readUIntBE(data, sz.value);
    if (el.value === DURATION)
      return ((sz.value === 4 ? bytes.readFloatBE(data) : bytes.readDoubleBE(data)) * scale) / 1e9;
    if (!Number.isFinite(sz.value)) return null;
    at = data + sz.value;
  }
  return null;
}

const vtt = (lines) => {
  const step = SECONDS / lines.length;
  const time = (s) => `00:00:${s.toFixed(3).padStart(6, '0')}`;
  const cues = lines.map((line, i) => `${i + 1}\n${time(i * step)} --> ${time((i + 1) * step)}\n${line}\n`);
  return `WEBVTT\n\n${cues.join('\n')}`;
};

function posterSvg(s) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}">
  <title>${s.caption}: a terracotta tote bag on its stand</title>
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${s.skyTop}"/>
      <stop offset="1" stop-color="${s.skyBottom}"/>
    </linearGradient>
  </defs>
  <rect width="${s.width}" height="${s.height}" fill="url(#sky)"/>
  <ellipse cx="${s.width / 2}" cy="300" rx="140" ry="12" fill="${s.shadow}"/>
  <path d="${s.handle}" fill="none" stroke="${s.front}" stroke-width="12" stroke-linecap="round"/>
  <path d="${s.body}" fill="${s.front}"/>
  <path d="${s.pocketPath}" fill="${s.pocket}"/>
  <text x="${s.width / 2}" y="340" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="28" fill="${s.ink}">${s.caption}</text>
</svg>
`;
}

const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
let webm;
try {
  const page = await browser.newPage();
  await page.evaluate(`globalThis.drawScene = ${drawScene}`);
  const base64 = await page.evaluate(record, SCENE, SECONDS, BITS_PER_SECOND);
  webm = Buffer.from(base64, 'base64');
} finally {
  await browser.close();
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'clip.webm'), webm);
for (const [lang, lines] of Object.entries(CUES)) writeFileSync(join(OUT, `clip.${lang}.vtt`), vtt(lines));
writeFileSync(join(OUT, 'clip-poster.svg'), posterSvg(SCENE));

const duration = webmDuration(webm);
console.log(
  `wrote ${join(OUT, 'clip.webm')} (${webm.length} bytes, ` +
    `${duration === null ? 'no duration in its header' : `${duration.toFixed(2)} s`}), ` +
    'clip.en.vtt, clip.zh-CN.vtt, clip-poster.svg',
);
