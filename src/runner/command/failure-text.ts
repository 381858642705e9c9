import { normalizeOutput, normalizeText } from '../core/normalize-output.js';
import { projectFrames } from '../core/stack-frames.js';
import type { Failure } from '../../core/test-report.js';

/** What a structured result format tells about one failure, as raw text. */
export interface FailureParts {
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Stack text in any shape `stackLines` understands. */
  readonly stack?: string;
  /** Everything worth showing besides the message (a diagnostics block, a report body); the stack when absent. */
  readonly details?: string;
}

const vitestFrame = /^❯\s+(?:(\S+)\s+)?(\S+:\d+:\d+)$/;
const bareFrame = /^(?:\S.*\()?\S+:\d+:\d+\)?$/;

/**
 * V8 `at` lines from stack text as runners print it: plain V8 stacks, node's TAP stacks (frames without
 * `at `) and vitest's `❯ file:line:col` lines. Other lines are dropped.
 */
export function stackLines(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const vitest = vitestFrame.exec(line);
    if (line.startsWith('at ')) lines.push(line);
    else if (vitest) lines.push(vitest[1] ? `at ${vitest[1]} (${vitest[2]})` : `at ${vitest[2]}`);
    else if (bareFrame.test(line)) lines.push(`at ${line}`);
  }
  return lines.join('\n');
}

/** A normalized failure: project-relative paths, project frames only, bounded output. */
export function toFailure(parts: FailureParts, roots: readonly string[]): Failure {
  const message = normalizeText(parts.message, roots) || 'failed';
  const body = parts.details ?? parts.stack ?? '';
  const output = body.includes(parts.message.trim()) ? [body] : [parts.message, body];
  return {
    message,
    ...(parts.expected !== undefined ? { expected: normalizeText(parts.expected, roots) } : {}),
    ...(parts.actual !== undefined ? { actual: normalizeText(parts.actual, roots) } : {}),
    frames: projectFrames(stackLines(parts.stack ?? ''), roots),
    output: normalizeOutput(output.filter((part) => part.trim() !== '').join('\n\n'), roots),
  };
}

/** A value from a structured format as text: strings as they are, anything else as indented JSON. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
