/**
 * Turns the HTML that shops put in JSON-LD text (descriptions copied from the product page,
 * `&amp;` in names) into plain text. Vitrine never renders these strings as HTML, so this is about
 * readability, not safety: tags go, common entities are decoded once, whitespace is tidied.
 * Linear time on any input (no backtracking regular expressions over tags).
 */

/** Longest input looked at; longer text is cut first (fields are capped far below this anyway). */
const MAX_INPUT = 400_000;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  micro: 'µ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
};

const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g;

/** Decodes numeric and common named character references once; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range code points become U+FFFD, as the HTML parser does.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** Elements that stand apart as paragraphs: a blank line before and after. */
const PARAGRAPH = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Elements that start a new line: list items, rows, breaks. */
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'br', 'hr']);

/** Elements dropped with everything inside. */
const DROPPED = ['script', 'style', 'template', 'noscript'];

/** Index of `</name` at or after `from`, case-insensitively; -1 when there is none. */
function findClose(html: string, name: string, from: number): number {
  let j = html.indexOf('</', from);
  while (j !== -1) {
    if (html.slice(j + 2, j + 2 + name.length).toLowerCase() === name) return j;
    j = html.indexOf('</', j + 2);
  }
  return -1;
}

/** Removes tags (and script/style bodies and comments); block elements become line breaks. */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(next)) {
      // "5 < 6" is text, not a tag.
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      // An unclosed tag swallows the rest, as in a browser.
      break;
    }
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/
      .exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]
      ?.toLowerCase();
    i = gt + 1;
    if (name && DROPPED.includes(name) && next !== '/') {
      const close = findClose(html, name, i);
      if (close === -1) break;
      const closeEnd = html.indexOf('>', close);
      i = closeEnd === -1 ? html.length : closeEnd + 1;
      continue;
    }
    if (name && PARAGRAPH.has(name)) out += '\n\n';
    else if (name && LINE.has(name) && next !== '/') out += '\n';
  }
  return out;
}

/**
 * HTML (or plain text with entities) → plain text with line breaks between paragraphs. Safe on
 * any string; returns '' for anything that is not a string.
 */
export function htmlToText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const html = value.length > MAX_INPUT ? value.slice(0, MAX_INPUT) : value;
  const text = decodeEntities(html.includes('<') ? stripTags(html) : html);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Like {@link htmlToText} but on one line: for names, brands, alt text and authors. */
export function htmlToLine(value: unknown): string {
  return htmlToText(value).replace(/\s+/g, ' ');
}
