import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

/**
 * Fails when axe-core finds WCAG 2.2 A/AA violations (or best-practice ones) in `el`,
 * shadow roots included. The message lists each rule, impact and offending node.
 */
export async function expectAccessible(el: Element): Promise<void> {
  const axe = (globalThis as unknown as { axe: AxeGlobal }).axe;
  const results = await axe.run(el, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    // A fixture is a fragment of a page, not a page: page-level rules do not apply.
    rules: {
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  if (results.violations.length > 0) {
    const lines = results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${JSON.stringify(n.target)}`),
    );
    throw new Error(`axe found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
