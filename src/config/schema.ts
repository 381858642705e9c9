import { z } from 'zod';

/** The longest duration Node's timers hold, in whole seconds (2^31 - 1 ms); longer ones fire at once. */
export const maxTimerSeconds = Math.floor((2 ** 31 - 1) / 1000);
const duration = z.number().positive().max(maxTimerSeconds, `at most ${maxTimerSeconds} seconds (about 24 days)`);

const price = z.object({
  /** USD per million prompt tokens. */
  input: z.number().nonnegative(),
  /** USD per million completion tokens. */
  output: z.number().nonnegative(),
  /** USD per million cached prompt tokens, when the back end reports them. */
  cachedInput: z.number().nonnegative().optional(),
});

/** Settings a project may keep in `redgreen.config.json` or the `redgreen` key of package.json; flags win. */
export const configSchema = z
  .object({
    model: z.string().min(1),
    maxIter: z.number().int().positive(),
    tests: z.array(z.string().min(1)),
    src: z.array(z.string().min(1)),
    runner: z.string().min(1),
    editFormat: z.string().min(1),
    formatRetries: z.number().int().nonnegative(),
    testTimeout: duration,
    hangTimeout: duration,
    budgetSeconds: duration,
    budgetTokens: z.number().int().positive(),
    allowTestEdits: z.boolean(),
    /** Globs of files that run code or change dependencies that the run may edit (`--allow-edit`). */
    allowEdit: z.array(z.string().min(1)),
    temperature: z.number().min(0).max(2),
    maxTokens: z.number().int().positive(),
    contextSize: z.number().int().positive(),
    modelTimeout: duration,
    maxReplyBytes: z.number().int().positive(),
    seed: z.number().int(),
    stream: z.boolean(),
    infill: z.boolean(),
    maxCandidates: z.number().int().positive(),
    /** The boundary the tests run in: strict (OS sandbox), basic (scrubbed environment and limits) or off. */
    isolation: z.enum(['strict', 'basic', 'off']),
    allowNetwork: z.boolean(),
    /** Environment variables the tests may see besides the allowlist. */
    passEnv: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')),
    /** Per-process memory (data segment) limit for the tests, in megabytes. */
    memoryLimit: z.number().int().positive(),
    flakyReruns: z.number().int().nonnegative(),
    /** Prices per model id (`openai:gpt-4o` or the bare model name), for the cost line of the summary. */
    prices: z.record(z.string(), price),
  })
  .partial()
  .strict();

export type RedgreenConfig = z.infer<typeof configSchema>;

/** Identity helper for typed configs in scripts. */
export function defineConfig(config: RedgreenConfig): RedgreenConfig {
  return config;
}
