import tseslint from 'typescript-eslint';

// Process boundaries (DESIGN.md): only main/app/ and the entry file may touch Electron;
// shared/ runs anywhere (no Node, no DOM); the renderer reaches main only through window.foundry.
const electronBan = {
  paths: [{ name: 'electron', message: 'The engine runs under plain Node: only main/app/ and main/index.ts may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only main/app/ and main/index.ts may import electron.' }],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/index.ts'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ runs anywhere: no Electron.' }],
        patterns: [{ group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main only through window.foundry.' }],
        patterns: [
          { group: nodeBuiltins, message: 'The renderer is a sandboxed web page: no Node built-ins.' },
          { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through window.foundry.' },
        ],
      }],
    },
  },
);
