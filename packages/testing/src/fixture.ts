const containers: HTMLElement[] = [];

interface Updatable {
  updateComplete?: Promise<unknown>;
}

/**
 * Renders `markup` into a new container attached to `document.body` and waits for every custom
 * element inside to finish updating. `lang` sets the container's language.
 */
export async function fixture<T extends Element = HTMLElement>(
  markup: string,
  options: { lang?: string } = {},
): Promise<T> {
  const container = document.createElement('div');
  if (options.lang) container.lang = options.lang;
  // Test markup is written by the test author, never by a user: parsing it is the point here.
  container.innerHTML = markup;
  document.body.append(container);
  containers.push(container);
  await settle(container);
  const first = container.firstElementChild;
  if (!first) throw new Error(`fixture: markup rendered no element: ${markup}`);
  return first as T;
}

/** Waits until every element below `root` that has an `updateComplete` promise has resolved it. */
export async function settle(root: Element): Promise<void> {
  const pending = [root, ...root.querySelectorAll('*')]
    .map((el) => (el as Updatable).updateComplete)
    .filter((p): p is Promise<unknown> => p instanceof Promise);
  await Promise.all(pending);
}

/** Removes every container made by {@link fixture}. */
export function cleanupFixtures(): void {
  for (const c of containers.splice(0)) c.remove();
}

// Mocha's root hook: each test starts with an empty page.
if (typeof afterEach === 'function') afterEach(cleanupFixtures);
