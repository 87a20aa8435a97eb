/**
 * What the tracker must never describe, and URLs without their secrets.
 *
 * Sources never read `.value`, `textContent` or any attribute besides ids, `part`,
 * `data-vt-key` and the identity attributes (see `element-key.ts`); on top of that, an element
 * {@link isPrivate} calls private is never keyed, clicked on, hovered over or recorded.
 *
 * @module
 */
// `element-key.ts` imports `isPrivate` from here: a cycle, harmless as neither module calls the
// other while loading. Bundlers then keep both in one chunk.
import { parentOf } from './element-key.js';

/**
 * Names and ids of secret fields: payment-card numbers, security codes and expiry dates, and
 * passwords (a "show password" toggle turns `type=password` into `text`).
 */
const SECRET_NAME = /card|cc-?(num|csc|exp)|cv[cv]|pass(w|code)|pwd/i;
/** `autocomplete` tokens of secrets (https://html.spec.whatwg.org/#autofill-field). */
const SECRET_AUTOCOMPLETE = /(^|\s)(cc-|current-password|new-password|one-time-code)/i;

/**
 * A password or payment-card field, by type, `autocomplete`, name or id. An input's `type`
 * property is its `type` attribute in lower case (`text` when unknown); a select's or a
 * textarea's is never `password`.
 */
function isSecretField(el: Element): boolean {
  return (
    /^(input|select|textarea)$/.test(el.localName) &&
    ((el as HTMLInputElement).type === 'password' ||
      SECRET_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '') ||
      SECRET_NAME.test(`${el.getAttribute('name') ?? ''} ${el.id}`))
  );
}

/**
 * True when `node` must never be described, keyed or recorded: a password field, a payment-card
 * field (`autocomplete="cc-*"`, or a name or id such as `cardnumber`, `cvc`, `cc-exp`), or anything
 * inside an element with `data-vt-private` — looking up through shadow roots to their hosts, and
 * through the slots that light-DOM children are shown in.
 */
export function isPrivate(node: Node): boolean {
  for (let n: Node | null = node; n; n = parentOf(n))
    if (n instanceof Element && (n.hasAttribute('data-vt-private') || isSecretField(n))) return true;
  // The same up the flat tree: a slotted node leads to its slot (which may sit in a private part).
  for (let n: Node | null = node; n; n = (n as Partial<Slottable>).assignedSlot ?? parentOf(n))
    if (n instanceof Element && n.hasAttribute('data-vt-private')) return true;
  return false;
}

/** Query parameter names (lower case, letters and digits only) whose values are secrets or personal. */
const SECRET_PARAM =
  /token|secret|pass(w|code)|pwd|mail|sess(ion|id)|auth|otp|signature|jwt|credential|apikey|ssn|phone|cv[vc]|card|(code|key)$|^(sid|sig|pin|hash|nonce|ticket|state|user(name)?|login|name|address|tel)$/;
const EMAIL = /[^\s@/?#&=]+@[^\s@/?#&=]+\.[a-z]{2,}/i;
/** A JSON Web Token, whatever its parameter is called. */
const JWT = /^eyJ[\w-]+\.[\w-]+/;

/** Removes secret parameters from `params`; true if any was removed. */
function scrubParams(params: URLSearchParams): boolean {
  let changed = false;
  for (const [name, value] of [...params]) {
    const lower = name.toLowerCase();
    if (
      !lower.startsWith('utm_') &&
      (SECRET_PARAM.test(lower.replace(/[^a-z0-9]/g, '')) || EMAIL.test(value) || JWT.test(value))
    ) {
      params.delete(name);
      changed = true;
    }
  }
  return changed;
}

/**
 * `url` without what must not leave the page: query parameters that look like secrets or personal
 * data (token, key, password, email, session, auth, code, …), any parameter whose value holds an
 * email address or a JSON Web Token, the same inside a `#a=b&c=d` fragment (OAuth puts tokens
 * there), and `user:password@`. `utm_*` parameters are always kept. A string that is not a URL
 * loses its query and fragment. An unchanged URL is returned as given.
 */
export function scrubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
  // Every change below changes `href`: unchanged, the URL is returned as given, not re-serialised.
  const before = parsed.href;
  parsed.username = parsed.password = '';
  const query = new URLSearchParams(parsed.search);
  if (scrubParams(query)) parsed.search = query.toString();
  const hash = parsed.hash.slice(1);
  let decoded = hash;
  try {
    decoded = decodeURIComponent(hash);
  } catch {
    // Not percent-encoded after all: read as it is.
  }
  if (hash.includes('=') || EMAIL.test(decoded)) {
    // A route such as `#/cart` has no `=`; a fragment with one is read as parameters.
    const params = new URLSearchParams(hash);
    if (scrubParams(params)) parsed.hash = params.toString();
    else if (EMAIL.test(decoded)) parsed.hash = '';
  }
  return parsed.href === before ? url : parsed.href;
}
