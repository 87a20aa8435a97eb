// What the heatmap report runs inside Chromium: waiting for a page to settle, finding the element
// each key names, and drawing the density overlay. Every function here except `inPage` is sent to
// the page as source text, so each uses nothing from outside its own body.
import type { Page } from 'puppeteer-core';

/**
 * Runs `fn(arg)` in `page` and resolves with its result. `fn` travels as source text, so it must
 * use nothing from outside its own body, and `arg` and the result must survive JSON. A `__name`
 * stand-in is declared around it: tsx (esbuild's `keepNames`) wraps named inner functions in
 * `__name(…)` calls the page does not have. DevTools evaluation is not subject to the page's
 * Content-Security-Policy, and nothing is left on the page's globals.
 */
export async function inPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
  return (await page.evaluate(source)) as R;
}

/**
 * In the page: waits (at most `timeoutMs`) until every custom element on it, in open shadow roots
 * too, is defined and has finished rendering (Lit's `updateComplete`), repeating for elements those
 * renders add, then for web fonts and two frames. Resolves with the tags still undefined.
 */
export async function settle(timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const within = (work: Promise<unknown>) =>
    Promise.race([
      work.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
    ]);
  const everyElement = (): Element[] => {
    const out: Element[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  };
  const undefinedTags = () => [
    ...new Set(
      everyElement()
        .filter((el) => el.matches(':not(:defined)'))
        .map((el) => el.localName),
    ),
  ];
  for (let round = 0; round < 6 && Date.now() < deadline; round++) {
    const elements = everyElement();
    const waiting = undefinedTags();
    const updates = elements
      .map((el) => (el as Element & { updateComplete?: unknown }).updateComplete)
      .filter((p): p is Promise<unknown> => p instanceof Promise);
    await within(Promise.all([...waiting.map((tag) => customElements.whenDefined(tag)), ...updates]));
    // Done when nothing was waiting for a definition and no render added new elements.
    if (!waiting.length && everyElement().length === elements.length) break;
  }
  await within(document.fonts.ready);
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return undefinedTags();
}

/**
 * In the page: scrolls through it a viewport at a time (at most `maxSteps`), so content loaded on
 * scroll (`loading=lazy` images, observers) is there for the full-page screenshot, then back to
 * the top.
 */
export async function scrollThrough(maxSteps: number): Promise<void> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const height = () => Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
  for (let step = 1; step < maxSteps && step * innerHeight < height(); step++) {
    scrollTo(0, step * innerHeight);
    await frame();
  }
  scrollTo(0, 0);
  await frame();
  await frame();
}

/** The page as laid out now: its size and where each keyed element is. */
export interface PageIndex {
  /** Layout width and full scroll height, CSS px. */
  width: number;
  height: number;
  /**
   * `[key, left, top, width, height]` in page coordinates for every element with a box, keyed as
   * the tracker keys it; when several share a key, the first in tree order.
   */
  boxes: [string, number, number, number, number][];
}

/**
 * In the page: the key of every element that has a box, the way the tracker computes it
 * (`packages/tracker/src/element-key.ts`, `keyOf`), with its box in page coordinates. Resolving a
 * stored key is then a lookup, and it inverts every form the tracker writes — `key(…)`,
 * `part(…)`, `[n]`, `#id`, `tag:nth-of-type(n)`, identity suffixes, ` >>> `, the 512-char cut —
 * exactly, because it is the same computation. Open shadow roots are entered; closed ones are
 * invisible to the tracker too. A port rather than an import: the collector may not depend on
 * the tracker (ARCHITECTURE.md); the report's test checks every key of its fixture page against
 * the tracker's own `elementKeyOf`.
 */
export function indexElements(): PageIndex {
  const MAX_KEY = 512;
  const MAX_VALUE = 64;
  const MAX_STEPS = 40;
  const COMPONENT_IDENTITY = [
    ['product-id', 'product'],
    ['variant-id', 'variant'],
    ['sku', 'sku'],
    ['promotion-id', 'promotion'],
    ['coupon', 'coupon'],
    ['code', 'coupon'],
  ];
  const DATA_IDENTITY = [
    ['data-product-id', 'product'],
    ['data-variant-id', 'variant'],
    ['data-sku', 'sku'],
    ['data-promotion-id', 'promotion'],
    ['data-coupon', 'coupon'],
  ];
  const isComponent = (el: Element) => el.localName.startsWith('vt-');
  const parentOf = (el: Element): Element | null => {
    if (el.parentElement) return el.parentElement;
    const parent = el.parentNode;
    return parent instanceof ShadowRoot ? parent.host : null;
  };
  const clean = (value: string) =>
    value
      .trim()
      .slice(0, MAX_VALUE)
      .replace(/[^\w.:/+-]/g, '_');
  const stableId = (el: Element) =>
    /^[A-Za-z][\w-]{0,63}$/.test(el.id) && !/\d{4,}/.test(el.id) ? el.id : '';
  const identitySuffix = (el: Element): string => {
    if (!el.attributes.length) return '';
    const seen = new Map<string, string>();
    const read = (list: string[][]) => {
      for (const [attribute, name] of list) {
        if (seen.has(name!)) continue;
        const value = el.getAttribute(attribute!)?.trim();
        if (value) seen.set(name!, value);
      }
    };
    if (isComponent(el)) read(COMPONENT_IDENTITY);
    read(DATA_IDENTITY);
    let suffix = '';
    for (const name of ['product', 'variant', 'sku', 'promotion', 'coupon']) {
      const value = seen.get(name);
      if (value) suffix += `[${name}=${clean(value)}]`;
    }
    return suffix;
  };
  const nthOfType = (el: Element): string => {
    const tag = el.localName;
    let index = 1;
    for (let x = el.previousElementSibling; x; x = x.previousElementSibling) if (x.localName === tag) index++;
    if (index > 1) return `:nth-of-type(${index})`;
    for (let x = el.nextElementSibling; x; x = x.nextElementSibling)
      if (x.localName === tag) return ':nth-of-type(1)';
    return '';
  };
  const indexIn = (el: Element, selector: string): string => {
    const root = el.getRootNode() as ParentNode;
    if (!('querySelectorAll' in root)) return '';
    const all = root.querySelectorAll(selector);
    return all.length < 2 ? '' : `[${Array.prototype.indexOf.call(all, el) as number}]`;
  };
  const uniqueName = (el: Element, suffix: string): string => {
    const vtKey = el.getAttribute('data-vt-key')?.trim();
    if (vtKey) return `key(${clean(vtKey)})${suffix || indexIn(el, `[data-vt-key="${CSS.escape(vtKey)}"]`)}`;
    const part = el.getAttribute('part')?.trim().split(/\s+/)[0];
    if (part) return `part(${clean(part)})${suffix || indexIn(el, `[part~="${CSS.escape(part)}"]`)}`;
    const id = stableId(el);
    if (id) return `#${id}${suffix}`;
    return suffix ? `${el.localName}${suffix}` : '';
  };
  const insideComponent = (el: Element) => {
    for (let x = parentOf(el); x; x = parentOf(x)) if (isComponent(x)) return true;
    return false;
  };
  const componentAbove = (el: Element): Element | null => {
    for (let x = el.parentElement; x; x = x.parentElement) if (isComponent(x)) return x;
    return null;
  };
  const keyOf = (el: Element): string => {
    let key = '';
    let sep = '';
    let x: Element | null = el;
    for (let steps = 0; x && steps < MAX_STEPS; steps++) {
      const suffix = identitySuffix(x);
      let piece: string;
      let jump = false;
      if (isComponent(x)) {
        const id = stableId(x);
        if (suffix || !insideComponent(x)) {
          key = `${x.localName}${suffix || (id ? `#${id}` : '')}${sep}${key}`;
          break;
        }
        piece = `${x.localName}${id ? `#${id}` : nthOfType(x)}`;
        jump = id !== '';
      } else if (x.localName === 'body' || x.localName === 'html') {
        key = `${x.localName}${sep}${key}`;
        break;
      } else {
        piece = uniqueName(x, suffix);
        jump = piece !== '';
        if (!jump) piece = `${x.localName}${nthOfType(x)}`;
      }
      key = `${piece}${sep}${key}`;
      const next: Element | null = jump ? componentAbove(x) : x.parentElement;
      if (next) {
        x = next;
        sep = '>';
        continue;
      }
      const root = x.getRootNode();
      if (!(root instanceof ShadowRoot)) break;
      x = root.host;
      sep = isComponent(x) ? '>' : ' >>> ';
    }
    return key.length > MAX_KEY ? `${key.slice(0, 200)}…${key.slice(-(MAX_KEY - 201))}` : key;
  };

  const boxes = new Map<string, [string, number, number, number, number]>();
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        const key = keyOf(el);
        if (key && !boxes.has(key))
          boxes.set(key, [key, box.left + scrollX, box.top + scrollY, box.width, box.height]);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return {
    width: document.documentElement.clientWidth || innerWidth,
    height: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
    boxes: [...boxes.values()],
  };
}

/** What {@link drawHeatmap} draws. */
export interface DrawInput {
  /** The full-page screenshot as a PNG data URL, under the overlay; null for the overlay alone. */
  base: string | null;
  /** Size of the page (and of the overlay), CSS px = image px. */
  width: number;
  height: number;
  /** Density: flat `[x, y, weight, …]` in page px. */
  points: number[];
  /** Standard deviation of each point's gaussian, px. */
  sigma: number;
  /** Scroll reach instead of density: the share 0..1 of sessions that saw each band, top to bottom. */
  bands: number[] | null;
  /** Lines of the caption strip drawn under the page; none when empty. */
  caption: string[];
}

/**
 * In a blank page: draws the heatmap and resolves with it as a PNG data URL. Density: every point
 * is added to a grid of 4 px cells, blurred with a separable gaussian, scaled to 0..1 by its
 * maximum, and shown through a square root (so single clicks stay visible next to thousands) on a
 * blue → cyan → green → yellow → red ramp, transparent where cold and at most 75% opaque where hot.
 * Scroll: each 5% band of the page tinted by the share of sessions that saw it, with the share
 * written at its top. Then the screenshot under it and the caption strip below, if given.
 */
export async function drawHeatmap(input: DrawInput): Promise<string> {
  const { width, height, points, sigma, bands } = input;
  const STOPS: [number, number, number, number][] = [
    [0, 0, 0, 255],
    [0.25, 0, 255, 255],
    [0.5, 0, 255, 0],
    [0.75, 255, 255, 0],
    [1, 255, 0, 0],
  ];
  /** Opacity where hottest; below `COLD` (of the ramp) fully transparent, rising to `ALPHA` by 0.4. */
  const ALPHA = 0.75;
  const COLD = 0.05;
  const ramp = (v: number): [number, number, number] => {
    for (let i = 1; i < STOPS.length; i++) {
      const [p1, r1, g1, b1] = STOPS[i]!;
      const [p0, r0, g0, b0] = STOPS[i - 1]!;
      if (v <= p1) {
        const t = (v - p0) / (p1 - p0);
        return [r0 + (r1 - r0) * t, g0 + (g1 - g0) * t, b0 + (b1 - b0) * t];
      }
    }
    return [255, 0, 0];
  };

  const overlay = document.createElement('canvas');
  overlay.width = width;
  overlay.height = height;
  const ctx = overlay.getContext('2d')!;
  if (bands) {
    const band = height / bands.length;
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    bands.forEach((share, i) => {
      const [r, g, b] = ramp(share);
      ctx.fillStyle = `rgba(${r | 0}, ${g | 0}, ${b | 0}, 0.45)`;
      ctx.fillRect(0, i * band, width, band);
      const label = `${Math.round(share * 100)}% of sessions reach ${i * 5}%`;
      const w = ctx.measureText(label).width + 12;
      ctx.fillStyle = 'rgba(20, 22, 25, 0.8)';
      ctx.fillRect(4, i * band + 4, w, 20);
      ctx.fillStyle = '#fff';
      ctx.fillText(label, 10, i * band + 14);
    });
  } else if (points.length) {
    // The grid's cells are the query's (4 px): blurring finer would only cost time.
    const SCALE = 4;
    const gw = Math.ceil(width / SCALE);
    const gh = Math.ceil(height / SCALE);
    let grid = new Float32Array(gw * gh);
    for (let i = 0; i < points.length; i += 3) {
      const gx = Math.floor(points[i]! / SCALE);
      const gy = Math.floor(points[i + 1]! / SCALE);
      if (gx >= 0 && gy >= 0 && gx < gw && gy < gh) grid[gy * gw + gx]! += points[i + 2]!;
    }
    // Separable gaussian blur: along rows, then along columns. Cut at 4σ, where even the hottest
    // point's square root is under `COLD`: the cut (a square) never shows.
    const s = sigma / SCALE;
    const radius = Math.ceil(4 * s);
    const kernel = new Float32Array(2 * radius + 1);
    for (let k = -radius; k <= radius; k++) kernel[k + radius] = Math.exp(-(k * k) / (2 * s * s));
    const blur = (from: Float32Array, along: 'x' | 'y') => {
      const to = new Float32Array(from.length);
      const [outer, inner, step, lineStep] = along === 'x' ? [gh, gw, 1, gw] : [gw, gh, gw, 1];
      for (let o = 0; o < outer; o++) {
        const base = o * lineStep;
        for (let i = 0; i < inner; i++) {
          const value = from[base + i * step]!;
          if (!value) continue;
          const lo = Math.max(0, i - radius);
          const hi = Math.min(inner - 1, i + radius);
          for (let j = lo; j <= hi; j++) to[base + j * step]! += value * kernel[j - i + radius]!;
        }
      }
      return to;
    };
    grid = blur(blur(grid, 'x'), 'y');
    let max = 0;
    for (const value of grid) if (value > max) max = value;
    const image = new ImageData(gw, gh);
    const lut = new Uint8ClampedArray(256 * 4);
    for (let i = 0; i < 256; i++) {
      const v = i / 255;
      const [r, g, b] = ramp(v);
      lut.set([r, g, b, 255 * ALPHA * Math.min(1, Math.max(0, (v - COLD) / (0.4 - COLD)))], i * 4);
    }
    for (let i = 0; i < grid.length; i++) {
      const v = max > 0 ? Math.sqrt(grid[i]! / max) : 0;
      if (v < COLD) continue;
      const at = Math.min(255, Math.round(v * 255)) * 4;
      image.data.set(lut.subarray(at, at + 4), i * 4);
    }
    const small = document.createElement('canvas');
    small.width = gw;
    small.height = gh;
    small.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, 0, 0, gw * SCALE, gh * SCALE);
  }
  if (!input.base && !input.caption.length) return overlay.toDataURL('image/png');

  // The caption strip: the lines wrapped to the width.
  const FONT = '13px system-ui, sans-serif';
  const LINE = 18;
  const PAD = 10;
  ctx.font = FONT;
  const lines: string[] = [];
  for (const text of input.caption) {
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > width - 2 * PAD) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  const strip = input.caption.length ? lines.length * LINE + 2 * PAD : 0;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height + strip;
  const o = out.getContext('2d')!;
  o.fillStyle = '#fff';
  o.fillRect(0, 0, width, height);
  if (input.base) {
    const img = new Image();
    img.src = input.base;
    await img.decode();
    o.drawImage(img, 0, 0);
  }
  o.drawImage(overlay, 0, 0);
  if (strip) {
    o.fillStyle = '#202428';
    o.fillRect(0, height, width, strip);
    o.fillStyle = '#f4f5f6';
    o.font = FONT;
    o.textBaseline = 'middle';
    lines.forEach((line, i) => o.fillText(line, PAD, height + PAD + i * LINE + LINE / 2));
  }
  return out.toDataURL('image/png');
}
