import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The error details a reporter extracts from a framework's failure object. */
const reportedError = z.object({
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  diff: z.string().optional(),
  stack: z.string().optional(),
});

const location = {
  file: z.string(),
  titles: z.array(z.string()),
  /**
   * The framework's own id of the test where it has one (vitest's task id), the same in every event about that
   * test: two tests with one title stay two, and a test reported from the worker and the main process is one.
   */
  id: z.string().optional(),
};

/**
 * One line of the events file the reporters shipped by redgreen append to as tests progress, so a run killed
 * for a hang still tells which tests finished. The reporters (the `runtime/` files beside each adapter) write them with
 * `core/runtime/write-event.mjs`.
 */
const runnerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collected'), ...location }),
  z.object({ type: z.literal('start'), ...location }),
  z.object({
    type: z.literal('result'),
    ...location,
    status: z.enum(['passed', 'failed', 'skipped']),
    durationMs: z.number().optional(),
    error: reportedError.optional(),
  }),
  z.object({ type: z.literal('error'), file: z.string().optional(), error: reportedError }),
]);

export type ReportedError = z.infer<typeof reportedError>;
export type RunnerEvent = z.infer<typeof runnerEvent>;

/** Parses the events file; a line cut short by a kill, or one that does not fit the schema, is skipped. */
export function parseEvents(text: string): RunnerEvent[] {
  const events: RunnerEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = runnerEvent.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
    } catch {
      // a truncated last line after SIGKILL
    }
  }
  return events;
}

export async function readEvents(path: string): Promise<RunnerEvent[]> {
  try {
    return parseEvents(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}
