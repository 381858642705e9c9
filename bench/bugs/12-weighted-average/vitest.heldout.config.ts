import { defineConfig } from 'vitest/config';

// The held-out suite, run by the benchmark after a repair.
export default defineConfig({ test: { include: ['heldout/**/*.test.ts'] } });
