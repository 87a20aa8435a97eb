import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The package graph of ../shared/ARCHITECTURE.md: which @vitrine packages (and which outside
 * libraries the rule cares about) each package's src/ may import. Anything else is an error.
 */
const GRAPH = {
  schema: [],
  core: ['schema'],
  pricing: [],
  search: ['core', 'schema'],
  gallery: ['core', 'schema'],
  offers: ['core', 'schema', 'pricing'],
  checkout: ['core', 'schema', 'pricing'],
  reviews: ['core', 'schema'],
  tracker: ['schema'],
  collector: ['schema', 'pricing'],
  all: ['core', 'search', 'gallery', 'offers', 'checkout', 'reviews', 'pricing', 'schema'],
};
const ALL = [...Object.keys(GRAPH), 'testing'];
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'];
const NO_DOM_LIBS = ['schema', 'pricing'];

const graphRules = Object.entries(GRAPH).map(([name, allowed]) => {
  const denied = ALL.filter((p) => p !== name && !allowed.includes(p));
  const patterns = [
    {
      group: denied.flatMap((p) => [`@vitrine/${p}`, `@vitrine/${p}/*`]),
      message:
        name === 'tracker'
          ? 'the tracker never imports a component or core; they meet only through DOM events (ARCHITECTURE.md).'
          : denied.includes('tracker')
            ? `@vitrine/${name} may import only ${allowed.map((a) => `@vitrine/${a}`).join(', ') || 'no @vitrine package'}; components never import the tracker (ARCHITECTURE.md).`
            : `@vitrine/${name} may import only ${allowed.map((a) => `@vitrine/${a}`).join(', ') || 'no @vitrine package'} (ARCHITECTURE.md).`,
    },
  ];
  if (name === 'tracker' || NO_DOM_LIBS.includes(name) || name === 'collector') {
    patterns.push({ group: LIT, message: `@vitrine/${name} must not import Lit (ARCHITECTURE.md).` });
  }
  return {
    files: [`packages/${name}/src/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      'examples/*/public/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum (STYLE.md).' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'examples/*/server/**', '**/*.node.test.ts', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/*/test/**', 'examples/*/test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...graphRules,
  prettier,
);
