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

/**
 * Where a test is: its file and titles. `testId` is the framework's own id of the test case, when it has one
 * that both of a framework's reporting sides share (vitest's worker and main process report the same test):
 * events with the same `testId` are one test; without it, the n-th event of a kind for a name is its n-th
 * occurrence.
 */
const location = { file: z.string(), titles: z.array(z.string()), testId: z.string().optional() };

/**
 * One line of the events file the reporters shipped by redgreen append to as tests progress, so a run killed
 * for a hang still tells which tests finished.
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

/** The JS helper every generated reporter embeds: appends one event synchronously, so it survives SIGKILL. */
export const writeEventSource = `
import { appendFileSync } from 'node:fs';
const eventsFile = process.env.REDGREEN_EVENTS_FILE;
function text(value) {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try { return JSON.stringify(value, null, 2) ?? String(value); } catch { return String(value); }
}
function toError(error) {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  const source = error.matcherResult ?? error;
  const result = { message: String(error.message ?? error) };
  if (typeof error.stack === 'string') result.stack = error.stack;
  if (typeof error.diff === 'string') result.diff = error.diff;
  if (source && ('expected' in source || 'actual' in source)) {
    result.expected = text(source.expected);
    result.actual = text(source.actual);
  }
  return result;
}
function writeEvent(event) {
  if (!eventsFile) return;
  try { appendFileSync(eventsFile, JSON.stringify(event) + '\\n'); } catch {}
}
`;
