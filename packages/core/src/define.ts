/**
 * Registers `ctor` as `tag` unless the tag is already taken.
 *
 * Shops load our scripts twice (a theme snippet and an app block, two bundles of different
 * versions…); `customElements.define` throws on the second call, which would break the whole
 * page (single-spa #1078, patternfly-elements #2843). The first definition wins.
 *
 * @returns true when this call defined the tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return false;
  customElements.define(tag, ctor);
  return true;
}
