import { minorDigits } from '../money/format-money.js';
import { describe } from '../model/validate-shared.js';

/** A price read into minor units, with a note when it had to be interpreted; or why it could not be. */
export type PriceReading = { amount: number; note?: string } | { error: string };

/** Minor-unit digits of a (well-formed) currency; 2 if `Intl` cannot tell. */
export function digitsOf(currency: string): number {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
}

/**
 * `"19.99"` with 2 digits → 1999n. Pure string arithmetic, so no binary floating point error can
 * creep in; extra decimals are rounded half up.
 */
function decimalToMinor(int: string, frac: string, digits: number): { amount: bigint; rounded: boolean } {
  const kept = frac.slice(0, digits).padEnd(digits, '0');
  const dropped = frac.slice(digits);
  const roundUp = (dropped[0] ?? '0') >= '5';
  const amount = BigInt(int || '0') * 10n ** BigInt(digits) + BigInt(kept || '0') + (roundUp ? 1n : 0n);
  return { amount, rounded: /[1-9]/.test(dropped) };
}

/** Splits "1,299.00", "1.299,00", "1 299,00", "1'299.00" into integer and fraction digits. */
function splitDecimal(core: string): { int: string; frac: string } | null {
  const text = core.replace(/[\s\u00a0\u202f'’]/g, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  let normal: string;
  if (comma !== -1 && dot !== -1) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    normal = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma !== -1) {
    // "1,299" and "1,299,000" group thousands; a single "12,99" is a decimal comma.
    normal = /^\d{1,3}(?:,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (dot !== -1 && /^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) {
    // "1.299.000" can only be grouping; a single "1.299" follows schema.org (dot = decimal).
    normal = text.replace(/\./g, '');
  } else {
    normal = text;
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(normal);
  if (!m || !/\d/.test(normal)) return null;
  return { int: m[1] ?? '', frac: m[2] ?? '' };
}

/**
 * Reads a schema.org price (a number, or a string such as `"29.99"`, `"1,299.00"`, `"1999"`) into
 * integer minor units of `currency`, exactly: `"19.99"` USD → 1999, `"1999"` JPY → 1999,
 * `0.1 + 0.2` USD → 30. Negative prices, words (`"free"`) and amounts beyond
 * `Number.MAX_SAFE_INTEGER` are errors; currency symbols around the number are tolerated with a
 * note.
 */
export function toMinorUnits(value: unknown, currency: string): PriceReading {
  const digits = digitsOf(currency);
  let text: string;
  let fromNumber = false;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: `${describe(value)} is not a number` };
    if (value < 0) return { error: `must not be negative, got ${value}` };
    if (value >= 1e21) return { error: `${value} is too large` };
    // String() gives the shortest text that reads back as the same double: 0.1 + 0.2 → "0.30000000000000004".
    text = String(value);
    if (/e/i.test(text)) text = value.toFixed(20);
    fromNumber = true;
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { error: `must be a number or a numeric string, got ${describe(value)}` };
  }
  if (text.length > 64) return { error: `${describe(value)} is not a number` };

  const m = /^([^\d+\-.,]*?)\s*([+-]?)\s*([\d.,\s\u00a0\u202f'’]*?)\s*([^\d.,]*)$/.exec(text);
  const core = m?.[3] ?? '';
  const parts = m ? splitDecimal(core) : null;
  if (!m || !parts) return { error: `${describe(value)} is not a number` };
  if (m[2] === '-' && /[1-9]/.test(core)) return { error: `must not be negative, got ${describe(value)}` };

  const { amount, rounded } = decimalToMinor(parts.int, parts.frac, digits);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${describe(value)} is too large` };
  const result: { amount: number; note?: string } = { amount: Number(amount) };
  const shown = formatMinor(amount, digits);
  const notes: string[] = [];
  if ((m[1] ?? '').trim() || (m[4] ?? '').trim()) {
    notes.push(`${describe(value)} should be a plain number such as "${shown}"; read it as ${shown}`);
  }
  // A double such as 0.30000000000000004 carries float noise, not a price with 17 decimals.
  const significant = (parts.int + parts.frac).replace(/^0+/, '').length;
  if (rounded && !(fromNumber && significant >= 15)) {
    notes.push(`has more decimals than ${currency} has (${digits}); rounded to ${shown}`);
  }
  if (notes.length) result.note = notes.join('; ');
  return result;
}

/** 1999n, 2 → "19.99"; 1999n, 0 → "1999". */
function formatMinor(amount: bigint, digits: number): string {
  if (digits === 0) return amount.toString();
  const text = amount.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
