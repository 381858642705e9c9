import { isAbsolute, relative, sep } from 'node:path';
import type { SourceFrame } from '../../core/test-report.js';
import { toPath } from './normalize-output.js';

const frameLine = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** Parses V8 stack lines (`at fn (path:line:col)`, `at path:line:col`, `file://` URLs); other lines are skipped. */
export function parseStack(stack: string): SourceFrame[] {
  const frames: SourceFrame[] = [];
  for (const line of stack.split('\n')) {
    const match = frameLine.exec(line);
    if (!match) continue;
    const [, fn, file = '', lineNo = '0', column = '0'] = match;
    const name = fn?.replace(/^async /, '').trim();
    frames.push({ file, line: Number(lineNo), column: Number(column), ...(name ? { fn: name } : {}) });
  }
  return frames;
}

/** A project-relative POSIX path for `file`, or undefined when it lies outside every root. */
export function projectPath(file: string, roots: readonly string[]): string | undefined {
  if (file.startsWith('node:') || file.startsWith('<')) return undefined;
  const path = toPath(file);
  if (!isAbsolute(path)) return path.split(sep).join('/');
  for (const root of roots) {
    const rel = relative(root, path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return undefined;
}

/** Frames inside the project only (no node_modules, no node internals), with project-relative paths. */
export function projectFrames(stack: string | undefined, roots: readonly string[]): SourceFrame[] {
  if (!stack) return [];
  const frames: SourceFrame[] = [];
  for (const frame of parseStack(stack)) {
    const file = projectPath(frame.file, roots);
    if (file === undefined || file.includes('node_modules/') || file.startsWith('.redgreen/')) continue;
    frames.push({ ...frame, file });
  }
  return frames;
}
