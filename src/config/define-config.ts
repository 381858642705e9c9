import type { RedgreenConfig } from './schema.js';

export type { RedgreenConfig } from './schema.js';

/**
 * Types a config file's settings: `export default defineConfig({ maxIter: 3 })`. Published alone as
 * `redgreen/config`, which loads nothing else at run time: a config file (or an editor, or a script that reads
 * settings) that imports it does not pay for the engine, the runners or the compiler.
 */
export function defineConfig(config: RedgreenConfig): RedgreenConfig {
  return config;
}
