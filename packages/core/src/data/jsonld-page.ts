import type { Problem } from '../model/types.js';

/** Scripts longer than this are skipped (reported): no product page needs megabytes of JSON-LD. */
const MAX_SCRIPT = 2_000_000;

/**
 * Fixes the two mistakes theme templates make most — raw line breaks or tabs inside strings and
 * trailing commas before `}`/`]` — and strips `<!-- -->` / CDATA wrappers. Linear, string-aware.
 */
function repairJson(text: string): string {
  const body = text
    .trim()
    .replace(/^(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\/\/\s*\]\]>)$/, '');
  let out = '';
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (body[i + 1] ?? '');
        i++;
      } else if (ch === '"') {
        inString = false;
        out += ch;
      } else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else out += ch;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const rest = /^\s*[}\]]/.exec(body.slice(i + 1, i + 200));
      if (rest) continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Parses every `<script type="application/ld+json">` under `root` (a document, element or shadow
 * root). Returns the parsed documents in page order and a problem per script that is empty or not
 * JSON (`script[2]: is not valid JSON (…)`); a script with only trailing commas or raw line breaks
 * in strings is repaired, read and reported. Never throws.
 */
export function readPageJsonLd(root: ParentNode): { documents: unknown[]; problems: Problem[] } {
  const documents: unknown[] = [];
  const problems: Problem[] = [];
  let scripts: Element[];
  try {
    scripts = [...root.querySelectorAll('script[type]')].filter(
      (s) => (s.getAttribute('type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/ld+json',
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ path: '', message: `could not be searched for JSON-LD (${reason})` });
    return { documents, problems };
  }
  scripts.forEach((script, i) => {
    const path = `script[${i}]`;
    const text = script.textContent ?? '';
    if (!text.trim()) {
      problems.push({ path, message: 'is empty' });
      return;
    }
    if (text.length > MAX_SCRIPT) {
      problems.push({ path, message: `is longer than ${MAX_SCRIPT} characters and was skipped` });
      return;
    }
    try {
      documents.push(JSON.parse(text));
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      try {
        documents.push(JSON.parse(repairJson(text)));
        problems.push({
          path,
          message: `is not valid JSON (${reason}); it was read after removing trailing commas and escaping line breaks`,
        });
      } catch {
        problems.push({ path, message: `is not valid JSON (${reason}) and was skipped` });
      }
    }
  });
  return { documents, problems };
}

/**
 * The parsed contents of every `<script type="application/ld+json">` under `root`, in page order;
 * scripts that are not JSON are skipped (use {@link readPageJsonLd} to see why). Pass the result
 * to `readProduct` or `readReviews`. Never throws.
 */
export function findJsonLd(root: ParentNode): unknown[] {
  return readPageJsonLd(root).documents;
}
