import type { Locale } from '@vitrine/core';

const cache = new Map<Locale, Intl.DisplayNames>();

/** Country name via `Intl.DisplayNames` in the locale; the code itself if unknown. */
export function countryName(code: string, locale: Locale): string {
  const lang: Locale = locale === 'zh-CN' ? 'zh-CN' : 'en';
  let names = cache.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    cache.set(lang, names);
  }
  try {
    return names.of(code.trim().toUpperCase()) ?? code;
  } catch {
    // `of()` throws a RangeError for anything that is not a well-formed region subtag ('', 'USA').
    return code;
  }
}
