/** Locales that Vitrine ships complete message catalogs for. */
export const LOCALES = ['en', 'zh-CN'] as const;

export type Locale = (typeof LOCALES)[number];

/**
 * Maps any BCP 47 tag to a shipped locale: every Chinese tag (`zh`, `zh-CN`, `zh-Hans`, and also
 * `zh-TW`/`zh-HK`, whose readers are better served by Simplified Chinese than by English) to
 * `zh-CN`; everything else to `en`.
 */
export function toLocale(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase();
  return t === 'zh' || t.startsWith('zh-') || t.startsWith('zh_') ? 'zh-CN' : 'en';
}

/**
 * The language of `el`: its own `lang` or the nearest ancestor's, crossing shadow roots to their
 * hosts, then `<html lang>`, then `en`.
 */
export function langOf(el: Element): Locale {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const found = node.closest('[lang]');
      if (found) return toLocale(found.getAttribute('lang'));
    }
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return toLocale(document.documentElement.getAttribute('lang'));
}
