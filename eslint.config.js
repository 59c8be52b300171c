// ESLint flat config. Besides the usual checks it enforces the layering of the code base (as VS Code's
// `code-layering` rule does): shared → nothing; renderer → shared; electron → shared; the renderer
// never imports electron/. A violation is an error, so CI fails on it.
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
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      ...layer('shared/ is pure TypeScript: it imports no DOM, Node, Electron or React code, and nothing from renderer/, electron/ or cli/.', {
        names: [...NODE_BUILTINS, ...UI_AND_SHELL],
        groups: ['node:*', '@xyflow/*', 'elkjs/*', 'electron/*', '**/renderer/**', '**/electron/**', '**/cli/**'],
      }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
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
