import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'tap-parser';
import type { FinalResults, Result } from 'tap-parser';

/** One test point as read, with where it sits. */
export interface TapPoint {
  readonly result: Result;
  /** The titles of the subtests it is nested in, outermost first, then a tape-style `# group` comment if any. */
  readonly titles: readonly string[];
  /** Non-TAP lines printed after the point: mocha's TAP 12 failure details come so. */
  readonly extra: string[];
  /** The comments between the previous point and this one: node prints a file's load error so. */
  readonly comments: readonly string[];
}

/** What a subtest's own points said, keyed by the point that closes it. */
export interface TapSubtest {
  readonly count: number;
  readonly ok: boolean;
}

export interface TapStream {
  readonly points: readonly TapPoint[];
  readonly subtests: ReadonlyMap<Result, TapSubtest>;
  /** Whether the text was TAP at all: a version line or a plan, and at least one test point. */
  readonly isTap: boolean;
  /** Why the stream ended before its last planned test, if it did. */
  readonly endedEarly?: string;
}

export interface TapReader {
  /** Feeds a chunk of the command's stdout; a multi-byte character split between chunks is kept whole. */
  write(chunk: Buffer | string): void;
  /** Ends the stream and returns what it held. */
  end(): TapStream;
}

const summaryComment = /^#\s*(?:Subtest:|(?:tests|suites|pass|fail|failed|cancelled|skip|skipped|todo|ok|not ok|duration_ms|time=)\b)/i;

/** Feeds a TAP stream (13 or 14, nested subtests, interleaved non-TAP lines) to tap-parser as it arrives. */
export function createTapReader(): TapReader {
  const root = new Parser();
  const points: TapPoint[] = [];
  const children: Parser[] = [];
  let sawVersion = false;
  let final: FinalResults | undefined;
  root.on('version', () => (sawVersion = true));
  root.on('complete', (results: FinalResults) => (final = results));

  const watch = (parser: Parser, titles: readonly string[]): void => {
    let group: string | undefined;
    let nodeStyle = false;
    let last: TapPoint | undefined;
    let comments: string[] = [];
    parser.on('comment', (line: string) => {
      if (/^#\s*Subtest:/.test(line)) nodeStyle = true;
      const text = summaryComment.test(line) ? undefined : line.replace(/^#\s?/, '').trimEnd();
      if (text !== undefined) comments.push(text);
      group = nodeStyle ? undefined : text?.trim() || undefined;
    });
    parser.on('assert', (result: Result) => {
      // AVA prints a test's title as a comment above its own point
      const own = group === undefined || group === result.name ? [] : [group];
      last = { result, titles: [...titles, ...own], extra: [], comments };
      comments = [];
      points.push(last);
    });
    parser.on('extra', (line: string) => last?.extra.push(line));
    parser.on('child', (child: Parser) => {
      last = undefined;
      children.push(child);
      watch(child, [...titles, child.name]);
    });
  };
  watch(root, []);

  const decoder = new StringDecoder('utf8');
  let broken = false;
  // a parser fault must not fail the run: the stream then just is not read as TAP
  const guard = (step: () => void): void => {
    if (broken) return;
    try {
      step();
    } catch {
      broken = true;
    }
  };
  return {
    write: (chunk) => guard(() => root.write(typeof chunk === 'string' ? chunk : decoder.write(chunk))),
    end() {
      guard(() => root.end(decoder.end()));
      if (broken) return { points: [], subtests: new Map(), isTap: false };
      const subtests = new Map<Result, TapSubtest>();
      for (const child of children) {
        if (child.closingTestPoint) subtests.set(child.closingTestPoint, { count: child.count, ok: child.ok });
      }
      const isTap = points.length > 0 && (sawVersion || (final?.plan.end ?? null) !== null);
      return { points, subtests, isTap, ...endedEarly(root, final) };
    },
  };
}

function endedEarly(root: Parser, final: FinalResults | undefined): { endedEarly?: string } {
  if (root.bailedOut) return { endedEarly: `Bail out!${typeof root.bailedOut === 'string' ? ` ${root.bailedOut}` : ''}` };
  if (!final || final.plan.skipAll) return {};
  const { start, end } = final.plan;
  if (start === null || end === null) return { endedEarly: 'the TAP stream ended without its plan' };
  const planned = end - start + 1;
  return final.count < planned ? { endedEarly: `the plan announced ${planned} tests but ${final.count} ran` } : {};
}

/** Reads a whole TAP text at once. */
export function readTapText(text: string): TapStream {
  const reader = createTapReader();
  reader.write(text);
  return reader.end();
}
