// Lint, including the layer rules of architecture.md:
//   src/shared   pure TypeScript: no Node, no Electron, no DOM, no native modules;
//   src/renderer never imports src/main (nor Node or Electron): it talks to the API through its client;
//   src/preload  only Electron's contextBridge/ipcRenderer and the shared contract.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_MODULES = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'stream',
  'http',
  'https',
  'net',
  'zlib',
];
const NATIVE_OR_MAIN_ONLY = ['electron', 'better-sqlite3', 'exceljs', 'tsx', 'tsx/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**', 'scripts/**', '.ci/**', '*.config.{js,ts}', 'src/main/**', 'tests/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_MODULES, message: 'src/shared is pure TypeScript: no Node modules.' },
            { group: NATIVE_OR_MAIN_ONLY, message: 'src/shared must not import Electron or main-process libraries.' },
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'src/shared must not import UI libraries.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared must not import other layers.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', '__dirname'].map((name) => ({
          name,
          message: 'src/shared runs everywhere: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to the API through its client, never to src/main.' },
            { group: NODE_MODULES, message: 'The renderer runs in a sandboxed page: no Node modules.' },
            { group: NATIVE_OR_MAIN_ONLY, message: 'The renderer must not import Electron or main-process libraries.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No Node globals in the renderer.' },
        { name: 'require', message: 'No Node globals in the renderer.' },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/main/**', '**/renderer/**', ...NODE_MODULES], message: 'The preload exposes only the invoke bridge.' }],
        },
      ],
    },
  },
);
