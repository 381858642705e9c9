import { z } from 'zod';
import type { FixJsonOutput } from '../../src/index.js';

/**
 * The `--json` contract as a zod schema, written from README's "Machine-readable output" independently of
 * the code that prints it. Top-level objects are strict: a field the contract does not name fails.
 */
const score = z.strictObject({ passed: z.number().int(), failed: z.number().int(), total: z.number().int() });
const testId = z.strictObject({ file: z.string(), name: z.string(), occurrence: z.number().int().optional() });
const usage = z.strictObject({ promptTokens: z.number(), completionTokens: z.number(), cachedTokens: z.number().optional() });

const step = z.strictObject({
  step: z.number().int(),
  retry: z.number().int(),
  at: z.string(),
  denoiser: z.string(),
  reasoning: z.string(),
  editKinds: z.array(z.enum(['update', 'patch', 'rewrite'])),
  files: z.array(z.string()),
  diff: z.string(),
  outcome: z.enum(['green', 'improved', 'no-improvement', 'regressed', 'refused', 'malformed', 'error']),
  problem: z.enum(['no-edit', 'lazy', 'truncated', 'invalid']).optional(),
  feedback: z.array(z.string()),
  score,
  failing: z.array(testId),
  durationMs: z.number(),
  usage: usage.optional(),
  noise: z.number().min(0).max(1).optional(),
  reward: z.number().optional(),
  chain: z.number().int().positive().optional(),
});

const delivery = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('nothing') }),
  z.strictObject({ kind: z.literal('dry-run') }),
  z.strictObject({ kind: z.literal('applied'), files: z.array(z.string()), backupDir: z.string() }),
  z.strictObject({ kind: z.literal('saved'), patchFile: z.string(), reason: z.string() }),
]);

export const fixJsonResultSchema = z.strictObject({
  schemaVersion: z.literal(1),
  runId: z.string(),
  status: z.enum(['green', 'already-green', 'red']),
  exitCode: z.number().int(),
  stopReason: z.enum(['green', 'budget', 'exhausted', 'time', 'interrupted', 'flaky', 'backend']),
  exhaustedReason: z.string().optional(),
  backendError: z.string().optional(),
  baseline: score,
  final: score,
  stillFailing: z.array(testId),
  flaky: z.array(z.strictObject({ id: testId, runs: z.number().int(), passed: z.number().int(), step: z.number().int() })),
  failures: z.array(z.strictObject({ id: testId, message: z.string() })),
  steps: z.array(step),
  scaffold: z
    .strictObject({
      files: z.array(z.strictObject({ file: z.string(), created: z.boolean() })),
      findings: z.array(z.string()),
      notes: z.array(z.string()),
    })
    .optional(),
  files: z.array(z.string()),
  diff: z.string(),
  warnings: z.array(z.strictObject({ kind: z.enum(['sensitive-edit', 'model']), file: z.string().optional(), message: z.string() })),
  delivery,
  usage,
  replies: z.strictObject({
    replies: z.number().int(),
    wellFormed: z.number().int(),
    failedToApply: z.number().int(),
    lazy: z.number().int(),
    appliedFirstTry: z.number().int(),
    steps: z.number().int(),
  }),
  costUsd: z.number().optional(),
  durationMs: z.number(),
  stallRestarts: z.number().int().nonnegative().optional(),
  chains: z
    .object({
      kept: z.number().int().positive(),
      reason: z.string(),
      chains: z.array(
        z
          .object({
            chain: z.number().int().positive(),
            seed: z.number().int().optional(),
            steps: z.number().int().nonnegative(),
            bestReward: z.number(),
            outcome: z.enum(['green', 'stopped', 'duplicate', 'red']),
          })
          .strict(),
      ),
      beam: z
        .array(
          z.strictObject({
            step: z.number().int().positive(),
            kept: z.array(z.strictObject({ chain: z.number().int().positive(), reward: z.number() })).min(1),
            moves: z.array(z.strictObject({ chain: z.number().int().positive(), from: z.number().int().positive() })),
          }),
        )
        .optional(),
    })
    .strict()
    .optional(),
  sandboxDir: z.string().optional(),
  isolation: z.strictObject({ mode: z.enum(['strict', 'basic', 'off']), fallbackReason: z.string().optional() }),
});

export const jsonErrorResultSchema = z.strictObject({
  schemaVersion: z.literal(1),
  status: z.literal('error'),
  exitCode: z.number().int(),
  error: z.strictObject({
    kind: z.enum(['usage', 'config', 'runner', 'environment', 'model', 'workspace', 'interrupted', 'internal']),
    code: z.string().optional(),
    message: z.string().min(1),
  }),
});

export const fixJsonOutputSchema = z.union([fixJsonResultSchema, jsonErrorResultSchema]);

// Compile-time half of the check: whatever the schema accepts is a value of the exported type.
export const acceptsOnlyTheExportedType: (value: z.infer<typeof fixJsonOutputSchema>) => FixJsonOutput = (value) => value;

/** Parses one `--json` stdout: exactly one line holding one object that fits the contract. */
export function parseJsonOutput(stdout: string): z.infer<typeof fixJsonOutputSchema> {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got ${lines.length}:\n${stdout}`);
  return fixJsonOutputSchema.parse(JSON.parse(lines[0] as string));
}
