// ESLint flat config. Besides the usual checks it enforces the layering of the code base (as VS Code's
// `code-layering` rule does): shared → nothing; renderer → shared; electron → shared; the renderer
// never imports electron/; inside shared/, i18n ← model ← engine ← diagnostics/diagram/exo/check. A
// violation is an error, so CI fails on it. Cycles between renderer folders are checked by
// test/renderer/layering.test.ts (ESLint has no cycle rule without a plugin).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Bare module names are matched exactly (`paths`), so a local file such as ../model/net.ts is fine.
const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'net', 'http', 'https',
  'zlib', 'worker_threads', 'module', 'process', 'buffer',
];
const UI_AND_SHELL = ['electron', 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'zustand', 'zundo', 'i18next', 'react-i18next', 'elkjs'];

const SHARED_PURE = 'shared/ is pure TypeScript: it imports no DOM, Node, Electron or React code, and nothing from renderer/, electron/ or cli/.';
const SHARED_PURE_GROUPS = ['node:*', '@xyflow/*', 'elkjs/*', 'electron/*', '**/renderer/**', '**/electron/**', '**/cli/**'];
/** For each folder of shared/, the folders above it, which it may not import. */
const SHARED_LAYERS = {
  i18n: ['model', 'engine', 'diagnostics', 'diagram', 'exo', 'check', 'ipc'],
  model: ['engine', 'diagnostics', 'diagram', 'exo', 'check', 'ipc'],
  engine: ['diagnostics', 'diagram', 'exo', 'check', 'ipc'],
  ipc: ['model', 'engine', 'diagnostics', 'diagram', 'exo', 'check'],
};

/** `x as unknown as T` silences the type checker instead of proving the type; write a type guard or fix the type. */
const NO_DOUBLE_CAST = {
  selector: "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
  message: '`as unknown as` hides a type error: narrow with a type guard, or fix the declared type.',
};

const layer = (message, { names = [], groups = [] }) => ({
  'no-restricted-imports': [
    'error',
    { paths: names.map((name) => ({ name, message })), patterns: groups.length ? [{ group: groups, message }] : [] },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'playwright-report/', 'build/electron-stub/', '**/*.d.ts', '**/*.tmp.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A `!` is a promise the type checker cannot verify: reported, to be replaced by a check.
      '@typescript-eslint/no-non-null-assertion': 'warn',
      'no-restricted-syntax': ['error', NO_DOUBLE_CAST],
    },
  },
  {
    // Tests fake platform objects (a File, Electron's webContents, page globals): reported, not fatal.
    // A `!` in a test fails the test where it is wrong, which is what a test is for.
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': ['warn', NO_DOUBLE_CAST], '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The node-type map's cast goes with the entity-kind descriptor (issue 10); until then, reported.
    files: ['renderer/canvas/nodes.tsx'],
    rules: { 'no-restricted-syntax': ['warn', NO_DOUBLE_CAST] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      ...layer(SHARED_PURE, { names: [...NODE_BUILTINS, ...UI_AND_SHELL], groups: SHARED_PURE_GROUPS }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  // Layers inside shared/ (i18n ← model ← engine ← diagnostics, diagram, exo, check): a lower layer
  // never imports a higher one. Each block repeats the purity rule, since a later block's
  // no-restricted-imports replaces an earlier one for the same files.
  ...Object.entries(SHARED_LAYERS).map(([folder, above]) => ({
    files: [`shared/${folder}/**/*.ts`],
    rules: layer(`${SHARED_PURE} Inside shared/, ${folder}/ is below ${above.join(', ')}: it may not import them (i18n ← model ← engine ← diagnostics/diagram/exo/check).`, {
      names: [...NODE_BUILTINS, ...UI_AND_SHELL],
      groups: [...SHARED_PURE_GROUPS, ...above.flatMap((name) => [`**/${name}`, `**/${name}/**`, `**/${name}.ts`])],
    }),
  })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer('renderer/ may import shared/ only: never electron/ (use the platform adapter and the IPC contract in shared/ipc), never Node.', {
      names: ['electron', ...NODE_BUILTINS],
      groups: ['node:*', 'electron/*', '**/electron/**', '**/cli/**'],
    }),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer('electron/ may import shared/ only, never renderer/ or cli/.', { groups: ['**/renderer/**', '**/cli/**'] }),
  },
);
