import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReviews, validateReview, type Review } from '@vitrine/core';
import {
  SAFE_MEDIA,
  UNSAFE_MEDIA_PREFIX,
  UNSAFE_MEDIA_URLS,
  XSS_PAYLOADS,
  hostileReviews,
} from './fixtures/xss-corpus.js';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", colon: ':' };

/** A crude HTML entity decoder: enough to see what a payload becomes after one decoding pass. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));?/gi, (whole, dec, hex, name) => {
    if (dec || hex) {
      const code = Number.parseInt(dec ?? hex, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[String(name).toLowerCase()] ?? whole;
  });
}

/**
 * Every form a payload can take on its way to a sink: as written, entity-decoded once and twice,
 * NFKC-normalised (fullwidth ＜ becomes <), with the characters browsers drop from URLs and tag
 * names removed, and with base64 data: URLs decoded.
 */
function forms(text: string): string[] {
  const once = decodeEntities(text);
  const twice = decodeEntities(once);
  // eslint-disable-next-line no-control-regex
  const stripped = twice.normalize('NFKC').replace(/[\u0000\t\n\r\u200b-\u200d\u2060\ufeff]/g, '');
  const decoded = [...stripped.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map((m) =>
    new TextDecoder().decode(Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0))),
  );
  return [text, once, twice, stripped, ...decoded];
}

/** Text that would run code if it reached HTML, a URL, CSS or a template engine. */
const EXECUTABLE =
  /<\s*\/?\s*script|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/(?:html|javascript)|expression\s*\(|srcdoc\s*=|\$\{|\{\{/i;
/** `__vtPwned = 'name'` with any quote, maybe backslash-escaped. */
const MARKER = /__vtPwned\s*=\s*\\?(['"`])([^'"`\\]+)\\?\1/g;

function markers(text: string): string[] {
  return [...new Set(forms(text).flatMap((form) => [...form.matchAll(MARKER)].map((m) => m[2]!)))];
}

describe('XSS_PAYLOADS', () => {
  it('has at least 60 payloads with unique kebab-case names', () => {
    assert.ok(XSS_PAYLOADS.length >= 60, `only ${XSS_PAYLOADS.length}`);
    const names = XSS_PAYLOADS.map((p) => p.name);
    assert.equal(new Set(names).size, names.length, 'duplicate names');
    for (const name of names) assert.match(name, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('makes every payload that could execute set __vtPwned to its own name', () => {
    let executable = 0;
    for (const { name, text } of XSS_PAYLOADS) {
      const found = markers(text);
      // A marker always names its own payload, so a set global points at the one that got through.
      for (const marker of found) assert.equal(marker, name, `${name} sets __vtPwned to "${marker}"`);
      if (forms(text).some((form) => EXECUTABLE.test(form))) {
        executable += 1;
        assert.deepEqual(found, [name], `${name} could execute but does not set __vtPwned`);
      }
    }
    assert.ok(executable >= 60, `only ${executable} executable payloads`);
  });

  it('covers the required families', () => {
    const has = (pattern: RegExp) => XSS_PAYLOADS.some((p) => pattern.test(p.text));
    const families: [string, RegExp][] = [
      ['script tag', /<script>/],
      ['uppercase script', /<SCRIPT>/],
      ['img onerror', /<img[^>]*onerror/],
      ['svg onload', /<svg[^>]*onload/],
      ['body onload', /<body onload/],
      ['details ontoggle', /<details open ontoggle/],
      ['javascript: URL', /href="javascript:/],
      ['data: URL in iframe', /<iframe src="data:text\/html/],
      ['vbscript: URL', /vbscript:/],
      ['SVG script', /<svg><script>/],
      ['foreignObject', /<foreignObject/],
      ['style expression', /expression\(/],
      ['meta refresh', /http-equiv="refresh"/],
      ['base href', /<base href/],
      ['form action', /<form action/],
      ['template literal', /\$\{/],
      ['mustache', /\{\{/],
      ['Lit @click', /@click=/],
      ['Lit .prop', /\.innerHTML=/],
      ['double-encoded entity', /&amp;lt;/],
      ['unclosed comment', /^<!--(?!.*-->)/],
      ['CDATA', /<!\[CDATA\[/],
      // eslint-disable-next-line no-control-regex
      ['null byte', /\u0000/],
      ['RTL override', /\u202E/],
      ['bidi isolate', /[\u2066-\u2069]/],
      ['zero-width', /\u200B/],
      ['</script> inside text', /\w<\/script>/],
      ['emoji ZWJ', /\u200D\u{1F467}/u],
      ['flag', /\u{1F1E8}\u{1F1F3}/u],
      ['skin tone', /\u{1F3FD}/u],
      ['combining marks', /[\u0300-\u036f]{20}/],
      ['Chinese with markup', /[\u4e00-\u9fff].{0,2}<(?:img|script|a)\b/],
      ['JSON quotes', /^"\}/],
    ];
    for (const [family, pattern] of families) assert.ok(has(pattern), `no ${family} payload`);
    const longest = (pattern: RegExp) =>
      Math.max(
        ...XSS_PAYLOADS.map((p) => Math.max(0, ...(p.text.match(pattern) ?? []).map((m) => m.length))),
      );
    assert.ok(longest(/\S+/g) >= 10_000, 'no 10,000-character word');
    assert.ok(longest(/[\u4e00-\u9fff]+/g) >= 5_000, 'no 5,000-character CJK run');
    assert.ok(longest(/<+/g) >= 10_000, 'no long line of <');
  });
});

describe('hostileReviews', () => {
  const reviews = hostileReviews();
  const plain = reviews.filter((r) => !r.id.startsWith(UNSAFE_MEDIA_PREFIX));
  const withUnsafeMedia = reviews.filter((r) => r.id.startsWith(UNSAFE_MEDIA_PREFIX));

  it('puts every payload in a review, in title, body, author, tags, variant and reply', () => {
    assert.equal(plain.length, XSS_PAYLOADS.length);
    assert.equal(withUnsafeMedia.length, UNSAFE_MEDIA_URLS.length);
    for (const [i, { text }] of XSS_PAYLOADS.entries()) {
      const r = plain[i]!;
      assert.equal(r.body, text);
      assert.equal(r.reply?.body, text);
      if (text.length <= 500) {
        assert.equal(r.title, text);
        assert.equal(r.author, text);
        assert.ok(r.tags?.includes(text));
        assert.equal(r.variant?.Colour, text);
      }
    }
    assert.ok(plain.some((r) => r.media?.some((m) => XSS_PAYLOADS.some((p) => p.text === m.alt))));
  });

  it('passes core validateReview unchanged, so every payload reaches rendering', () => {
    for (const r of plain) {
      const { value, problems } = validateReview(r);
      assert.deepEqual(problems, [], r.id);
      assert.deepEqual(value, r, r.id);
      assert.ok(value!.rating >= 1 && value!.rating <= 5);
    }
  });

  it('passes core readReviews as a list', () => {
    const { value, problems } = readReviews(reviews);
    assert.equal(value?.length, reviews.length);
    assert.deepEqual(
      value?.filter((r) => !r.id.startsWith(UNSAFE_MEDIA_PREFIX)),
      plain,
    );
    // The only problems are the unsafe media URLs.
    for (const p of problems) assert.match(p.path, /^\[\d+\]\.media\[\d\]\.(url|poster)$/, p.message);
  });

  it('has its javascript:/data:text/html/vbscript: media dropped by core, the safe ones kept', () => {
    const { value, problems } = readReviews(withUnsafeMedia);
    assert.equal(value?.length, UNSAFE_MEDIA_URLS.length);
    for (const r of value!) {
      const urls = (r.media ?? []).flatMap((m) => [m.url, m.poster ?? '']);
      for (const unsafe of UNSAFE_MEDIA_URLS) assert.ok(!urls.includes(unsafe), `${r.id} kept ${unsafe}`);
      assert.deepEqual(r.media, [
        SAFE_MEDIA,
        { type: 'video', url: 'https://cdn.example.com/reviews/clip.mp4', alt: 'Clip with an unsafe poster' },
      ]);
    }
    // Three problems per review: the image URL, the video URL and the poster.
    assert.equal(problems.length, UNSAFE_MEDIA_URLS.length * 3);
    const schemes = UNSAFE_MEDIA_URLS.map((u) => u.slice(0, 11).toLowerCase());
    assert.ok(schemes.some((s) => s.startsWith('javascript:')));
    assert.ok(schemes.some((s) => s.startsWith('data:text/h')));
  });

  it('uses valid ISO dates and ratings 1–5 in halves', () => {
    for (const r of reviews as Review[]) {
      assert.match(r.date, /^\d{4}-\d{2}-\d{2}/);
      assert.ok(Number.isInteger(r.rating * 2) && r.rating >= 1 && r.rating <= 5, r.id);
    }
    assert.equal(new Set(reviews.map((r) => r.id)).size, reviews.length);
  });
});
