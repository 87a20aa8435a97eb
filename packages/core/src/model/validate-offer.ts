import type { Offer, Result } from './types.js';
import {
  LIMITS,
  Problems,
  assign,
  describe,
  guard,
  isRecord,
  optionalDate,
  optionalText,
  readId,
  requiredText,
} from './validate-shared.js';

/** Does the work of {@link validateOffer}; paths are relative to the offer. */
export function checkOffer(input: unknown, problems: Problems): Offer | null {
  if (!isRecord(input)) {
    problems.add('', `must be an offer object, got ${describe(input)}`);
    return null;
  }
  const id = readId(input.id, 'id', problems);
  const title = requiredText(input.title, 'title', problems, LIMITS.title);
  const description = optionalText(input.description, 'description', problems, LIMITS.description);
  const code = optionalText(input.code, 'code', problems, LIMITS.code);
  const badge = optionalText(input.badge, 'badge', problems, LIMITS.badge);
  const startsAt = optionalDate(input.startsAt, 'startsAt', problems);
  let endsAt = optionalDate(input.endsAt, 'endsAt', problems);
  if (startsAt !== undefined && endsAt !== undefined && Date.parse(endsAt) <= Date.parse(startsAt)) {
    problems.add('endsAt', `must be after startsAt (${startsAt}), got ${describe(endsAt)}`);
    endsAt = undefined;
  }
  if (id === null || title === null) return null;
  const offer: Offer = { id, title };
  assign(offer, 'description', description);
  assign(offer, 'code', code);
  assign(offer, 'startsAt', startsAt);
  assign(offer, 'endsAt', endsAt);
  assign(offer, 'badge', badge);
  return offer;
}

/**
 * Validates an {@link Offer} as shoppers see it: non-empty id and title, ISO 8601 bounds with
 * `endsAt` after `startsAt`, a short badge. `value` is null without an id or title. Never throws.
 */
export function validateOffer(input: unknown): Result<Offer> {
  return guard(() => {
    const problems = new Problems();
    const value = checkOffer(input, problems);
    return { value, problems: problems.list };
  });
}
