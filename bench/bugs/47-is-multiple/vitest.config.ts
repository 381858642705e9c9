import { defineConfig } from 'vitest/config';

// The visible suite only: held-out tests stay out of the repair engine's view.
export default defineConfig({ test: { include: ['test/**/*.test.ts'] } });
