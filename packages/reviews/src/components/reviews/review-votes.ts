/** Where a shopper's votes are kept: one record per origin, `{ reviewId: 'up' | 'down' }`. */
const KEY = 'vitrine-review-votes.v1';

type Votes = Record<string, 'up' | 'down'>;
let memory: Votes | null = null;

/**
 * The shopper's votes on reviews, persisted in `localStorage` so one shopper votes once per
 * review across reloads and tabs. Private mode or a full storage keeps them for this page only.
 */
export function readVotes(): Votes {
  if (memory) return memory;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    memory = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Votes) : {};
  } catch {
    memory = {};
  }
  return memory;
}

/** Records a vote; false when the shopper had already voted on that review. */
export function saveVote(reviewId: string, helpful: boolean): boolean {
  const votes = readVotes();
  // Another tab may have voted since this page read the record.
  try {
    Object.assign(votes, JSON.parse(localStorage.getItem(KEY) ?? '{}') as Votes);
  } catch {
    // Unreadable storage: keep what this page knows.
  }
  if (votes[reviewId]) return false;
  votes[reviewId] = helpful ? 'up' : 'down';
  try {
    localStorage.setItem(KEY, JSON.stringify(votes));
  } catch {
    // Storage full or blocked: the vote counts for this page.
  }
  return true;
}

/** Forgets the in-memory copy (tests and a changed storage). */
export function resetVotesCache(): void {
  memory = null;
}
