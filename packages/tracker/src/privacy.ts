/**
 * What the tracker must never describe, and URLs without their secrets.
 *
 * Sources never read `.value`, `textContent` or any attribute besides ids, `part`,
 * `data-vt-key` and the identity attributes (see `element-key.ts`); on top of that, an element
 * {@link isPrivate} calls private is never keyed, clicked on, hovered over or recorded.
 *
 * @module
 */

/** Field names and ids of payment-card numbers, security codes and expiry dates. */
const CARD_NAME = /card|cc-?(num|number|csc|cvc|cvv|exp)|cvv|cvc/i;
/** Field names and ids of passwords: a "show password" toggle turns `type=password` into `text`. */
const PASSWORD_NAME = /passw|passcode|pwd/i;
/** `autocomplete` tokens of secrets (https://html.spec.whatwg.org/#autofill-field). */
const SECRET_AUTOCOMPLETE = /(^|\s)(cc-|current-password|new-password|one-time-code)/i;
const FIELDS = new Set(['input', 'select', 'textarea']);

/** A password or payment-card field, by type, `autocomplete`, name or id. */
function isSecretField(el: Element): boolean {
  if (!FIELDS.has(el.localName)) return false;
  if (el.localName === 'input' && el.getAttribute('type')?.toLowerCase() === 'password') return true;
  if (SECRET_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '')) return true;
  const name = el.getAttribute('name') ?? '';
  return (
    CARD_NAME.test(name) || CARD_NAME.test(el.id) || PASSWORD_NAME.test(name) || PASSWORD_NAME.test(el.id)
  );
}

/** The parent in the tree of nodes, with a shadow root leading to its host. */
function up(node: Node): Node | null {
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/** The parent in the flat tree: a slotted node leads to its slot (which may sit in a private part). */
function flatUp(node: Node): Node | null {
  const slot = (node as Partial<Slottable>).assignedSlot;
  return slot ?? up(node);
}

/**
 * True when `node` must never be described, keyed or recorded: a password field, a payment-card
 * field (`autocomplete="cc-*"`, or a name or id such as `cardnumber`, `cvc`, `cc-exp`), or anything
 * inside an element with `data-vt-private` — looking up through shadow roots to their hosts, and
 * through the slots that light-DOM children are shown in.
 */
export function isPrivate(node: Node): boolean {
  for (let n: Node | null = node; n; n = up(n)) {
    if (n instanceof Element && (n.hasAttribute('data-vt-private') || isSecretField(n))) return true;
  }
  for (let n: Node | null = node; n; n = flatUp(n)) {
    if (n instanceof Element && n.hasAttribute('data-vt-private')) return true;
  }
  return false;
}

/** Query parameter names (lower case, letters and digits only) whose values are secrets or personal. */
const SECRET_PARAM =
  /token|secret|passw|passcode|pwd|mail|session|sessid|auth|otp|signature|jwt|credential|apikey|ssn|phone|cvv|cvc|card|code$|key$|^(sid|sig|pin|hash|nonce|ticket|state|code|key|user|username|login|name|address|tel)$/;
const EMAIL = /[^\s@/?#&=]+@[^\s@/?#&=]+\.[a-z]{2,}/i;
/** A JSON Web Token, whatever its parameter is called. */
const JWT = /^eyJ[\w-]+\.[\w-]+/;

/** Removes secret parameters from `params`; true if any was removed. */
function scrubParams(params: URLSearchParams): boolean {
  let changed = false;
  for (const [name, value] of [...params]) {
    if (name.toLowerCase().startsWith('utm_')) continue;
    const plain = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (SECRET_PARAM.test(plain) || EMAIL.test(value) || JWT.test(value)) {
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
  let changed = false;
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  if (parsed.search) {
    const params = new URLSearchParams(parsed.search);
    if (scrubParams(params)) {
      parsed.search = params.toString();
      changed = true;
    }
  }
  const hash = parsed.hash.slice(1);
  if (hash.includes('=') || EMAIL.test(decodeSafely(hash))) {
    // A route such as `#/cart` has no `=`; a fragment with one is read as parameters.
    const params = new URLSearchParams(hash);
    if (scrubParams(params)) {
      parsed.hash = params.toString();
      changed = true;
    } else if (EMAIL.test(decodeSafely(hash))) {
      parsed.hash = '';
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
