import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // isolated-vm needs this flag on Node >= 20 (DESIGN.md); the sandbox host sets it for itself too.
    execArgv: ['--no-node-snapshot'],
    reporters: ['verbose'],
    testTimeout: 20_000,
    // Hooks generate and approve skills through the real pipeline (audit thread, sandbox dry run): as slow as tests on a busy 2-core machine.
    hookTimeout: 20_000,
  },
});
