import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { WireDataMap, WireEventType } from '@vitrine/schema';
import { assignVariant, createExperiments } from '../src/experiments.js';

const ids = Array.from({ length: 10_000 }, (_, i) => `visitor-${i}`);

/** Share of `ids` that got each variant. */
function shares(variants: readonly string[], weights?: readonly number[], key = 'exp') {
  const counts = new Map(variants.map((v) => [v, 0]));
  for (const id of ids) {
    const v = assignVariant(id, key, variants, weights);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return variants.map((v) => (counts.get(v) ?? 0) / ids.length);
}

let warnings: string[] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = originalWarn;
});

describe('assignVariant', () => {
  it('gives the same visitor the same variant every time', () => {
    for (const id of ids.slice(0, 200)) {
      const first = assignVariant(id, 'checkout_button', ['control', 'green', 'blue']);
      for (let i = 0; i < 3; i++)
        assert.equal(assignVariant(id, 'checkout_button', ['control', 'green', 'blue']), first);
    }
    // A fixed point, so a change of hash (which would reshuffle every running experiment) is noticed.
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => assignVariant(id, 'exp', ['x', 'y'])),
      ['x', 'x', 'y', 'y', 'x', 'y', 'y', 'y'],
    );
  });

  it('splits 10,000 visitors within ±3% of the weights', () => {
    const cases: [string[], number[] | undefined][] = [
      [['control', 'green'], undefined],
      [
        ['control', 'green'],
        [0.5, 0.5],
      ],
      [
        ['a', 'b', 'c'],
        [0.2, 0.3, 0.5],
      ],
      [
        ['a', 'b', 'c'],
        [1, 1, 2],
      ],
      [
        ['control', 'test'],
        [0.9, 0.1],
      ],
    ];
    for (const [variants, weights] of cases) {
      const w = weights ?? variants.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      const got = shares(variants, weights);
      got.forEach((share, i) => {
        const want = w[i]! / total;
        assert.ok(
          Math.abs(share - want) <= 0.03,
          `${variants[i]}: ${share} vs ${want} (${JSON.stringify(weights)})`,
        );
      });
    }
  });

  it('never picks a variant of weight 0', () => {
    assert.deepEqual(shares(['off', 'on'], [0, 1]), [0, 1]);
    assert.deepEqual(shares(['on', 'off'], [1, 0]), [1, 0]);
  });

  it('assigns experiments independently of one another', () => {
    let same = 0;
    for (const id of ids)
      if (assignVariant(id, 'first', ['a', 'b']) === assignVariant(id, 'second', ['a', 'b'])) same++;
    assert.ok(Math.abs(same / ids.length - 0.5) <= 0.03, `agreement ${same / ids.length}`);
  });

  it('gives the first variant and warns once for invalid input', () => {
    assert.equal(assignVariant('v1', 'exp', ['a', 'b'], [1]), 'a');
    assert.equal(assignVariant('v1', 'exp', ['a', 'b'], [1]), 'a');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /exp.*one weight per variant/);
    assert.equal(assignVariant('v1', 'bad key!', ['a', 'b']), 'a');
    assert.equal(assignVariant('v1', 'exp2', ['a', 'a']), 'a');
    assert.equal(assignVariant('v1', 'exp3', ['a', 'b'], [-1, 2]), 'a');
    assert.equal(assignVariant('v1', 'exp4', ['a', 'b'], [0, 0]), 'a');
    assert.equal(assignVariant('v1', 'exp5', ['ok', 'not ok']), 'ok');
    assert.equal(assignVariant('v1', 'exp6', []), '');
    assert.equal(assignVariant('', 'exp7', ['a', 'b']), 'a');
    assert.equal(assignVariant('v1', 'x'.repeat(65), ['a', 'b']), 'a');
    assert.equal(warnings.length, 9);
  });
});

describe('createExperiments', () => {
  type Emitted = { [T in WireEventType]: { type: T; data: WireDataMap[T] } }[WireEventType];

  function setup(visitor = 'visitor-1') {
    const emitted: Emitted[] = [];
    let session = `s-${Math.random().toString(36).slice(2)}`;
    const experiments = createExperiments({
      visitorId: () => visitor,
      sessionId: () => session,
      emit: (type, data) => void emitted.push({ type, data } as Emitted),
    });
    return {
      experiments,
      emitted,
      newSession: () => {
        session = `s-${Math.random().toString(36).slice(2)}`;
      },
    };
  }

  it('emits the exposure once per session, again in a new session, and attaches the variant', () => {
    const { experiments, emitted, newSession } = setup();
    assert.deepEqual(experiments.active(), {});
    const variant = experiments.experiment('checkout_button', ['control', 'green']);
    assert.equal(variant, assignVariant('visitor-1', 'checkout_button', ['control', 'green']));
    for (let i = 0; i < 5; i++)
      assert.equal(experiments.experiment('checkout_button', ['control', 'green']), variant);
    assert.deepEqual(emitted, [
      { type: 'exposure', data: { experimentId: 'checkout_button', variantId: variant } },
    ]);
    assert.deepEqual(experiments.active(), { checkout_button: variant });

    newSession();
    assert.equal(experiments.experiment('checkout_button', ['control', 'green']), variant);
    assert.equal(emitted.length, 2);
    assert.deepEqual(emitted[1], emitted[0]);
  });

  it('remembers exposures across trackers of the same session', () => {
    const session = 'shared-session';
    const emitted: unknown[] = [];
    const make = () =>
      createExperiments({
        visitorId: () => 'v9',
        sessionId: () => session,
        emit: (_t, d) => void emitted.push(d),
      });
    make().experiment('hero', ['a', 'b']);
    const second = make();
    second.experiment('hero', ['a', 'b']);
    assert.equal(emitted.length, 1);
    // The second tracker still attaches it to its events.
    assert.equal(Object.keys(second.active()).length, 1);
  });

  it('keeps each experiment apart, and records nothing for invalid input', () => {
    const { experiments, emitted } = setup();
    experiments.experiment('one', ['a', 'b']);
    experiments.experiment('two', ['x', 'y', 'z'], [1, 1, 1]);
    experiments.experiment('three', ['a', 'b'], [1, 2, 3]);
    experiments.experiment('bad id', ['a', 'b']);
    assert.deepEqual(
      emitted.map((e) => e.type === 'exposure' && e.data.experimentId),
      ['one', 'two'],
    );
    assert.deepEqual(Object.keys(experiments.active()), ['one', 'two']);
    assert.equal(warnings.length, 2);
  });

  it('attaches at most 50 experiments to events', () => {
    const { experiments, emitted } = setup();
    for (let i = 0; i < 55; i++) experiments.experiment(`e${i}`, ['a', 'b']);
    assert.equal(Object.keys(experiments.active()).length, 50);
    assert.equal(emitted.length, 55);
    assert.equal(warnings.length, 5);
  });
});
