import { fileURLToPath, pathToFileURL } from 'node:url';

const ansiPattern =
  // eslint-disable-next-line no-control-regex
  /[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, '');
}

/** Makes every occurrence of a root (plain path or `file://` URL) project-relative. Longer roots first. */
export function relativizePaths(text: string, roots: readonly string[]): string {
  const variants = roots
    .flatMap((root) => {
      const plain = root.replace(/\/+$/, '');
      return [pathToFileURL(plain).href, `file://${plain}`, plain];
    })
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const variant of new Set(variants)) {
    result = result.split(`${variant}/`).join('').split(variant).join('.');
  }
  return result;
}

const summaryLine = /^\s*(?:Duration\b|Start at\b|Time:|Ran all test suites|#\s*duration_ms\b|duration_ms:).*$/gm;
const parenthesizedTime = /\s*\(\s*\d+(?:\.\d+)?\s*m?s(?:[,;][^)]*)?\)/g;
const bareTime = /\s*\b\d+(?:\.\d+)?\s?ms\b/g;

/** Removes run-to-run noise: durations, start times and timing summary lines. */
export function stripTimings(text: string): string {
  return text
    .replace(summaryLine, '')
    .replace(parenthesizedTime, '')
    .replace(bareTime, '')
    .replace(/\n{3,}/g, '\n\n');
}

export interface BoundOptions {
  readonly maxLines?: number;
  readonly maxChars?: number;
}

const errorLine = /error|expected|received|actual|assert|fail|✕|×|❯|^\s*at .*\d+:\d+|^\s*[-+] /i;

function omitted(count: number): string {
  return `… ${count} lines omitted …`;
}

/** Keeps the head, the tail and the lines that carry the error, with a marker where lines were dropped. */
export function boundOutput(text: string, options: BoundOptions = {}): string {
  const maxLines = options.maxLines ?? 60;
  const maxChars = options.maxChars ?? 4000;
  const lines = text.split('\n');
  let kept = lines;
  if (lines.length > maxLines) {
    const edge = Math.floor(maxLines / 3);
    const keep = new Set<number>();
    for (let i = 0; i < edge; i++) keep.add(i).add(lines.length - 1 - i);
    for (let i = edge; i < lines.length - edge && keep.size < maxLines; i++) {
      if (errorLine.test(lines[i] ?? '')) keep.add(i);
    }
    kept = [];
    let last = -1;
    for (const index of [...keep].sort((a, b) => a - b)) {
      if (index > last + 1) kept.push(omitted(index - last - 1));
      kept.push(lines[index] ?? '');
      last = index;
    }
  }
  const joined = kept.join('\n');
  if (joined.length <= maxChars) return joined;
  const half = Math.floor((maxChars - 40) / 2);
  const dropped = joined.slice(half, joined.length - half).split('\n').length - 1;
  return `${joined.slice(0, half)}\n${omitted(dropped)}\n${joined.slice(joined.length - half)}`;
}

/** The full normalization applied to any runner text shown to a model or a user. */
export function normalizeOutput(text: string, roots: readonly string[], bound: BoundOptions = {}): string {
  return boundOutput(stripTimings(relativizePaths(stripAnsi(text), roots)).trim(), bound);
}

/** Normalizes without bounding: for messages and values. */
export function normalizeText(text: string, roots: readonly string[]): string {
  return stripTimings(relativizePaths(stripAnsi(text), roots)).trim();
}

export function toPath(fileOrUrl: string): string {
  return fileOrUrl.startsWith('file://') ? fileURLToPath(fileOrUrl) : fileOrUrl;
}
