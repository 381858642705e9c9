import { posix } from 'node:path';
import picomatch from 'picomatch';
import { toPosixRelative } from './project-paths.js';

export interface EditPathOptions {
  /** The tests are the specification; edits to them are refused unless this is set (`--allow-test-edits`). */
  readonly allowTestEdits: boolean;
  /** Whether a normalized project-relative path is a test file. */
  readonly isTestFile: (rel: string) => boolean;
  /** `--src` globs: when given, only matching files may be edited. */
  readonly src?: readonly string[];
}

/** A path an edit may touch (normalized), or why not. */
export type EditPathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Directories nobody's edit belongs in: dependencies, version control, redgreen's own state. */
const protectedDirs = ['node_modules', '.git', '.redgreen'] as const;

const lockfiles: ReadonlySet<string> = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock']);

/**
 * Decides whether an edit may touch `rel` (a path as a model wrote it). Pure: it looks at the path only.
 * Normalizes `./` and backslashes; refuses absolute paths, paths outside the project, protected
 * directories, lockfiles, `.env` files, test files (unless allowed) and files outside `src` globs.
 */
export function checkEditPath(rel: string, options: EditPathOptions): EditPathResult {
  const refuse = (why: string): EditPathResult => ({ ok: false, reason: `refused: ${why}` });
  const raw = rel.trim();
  if (raw === '' || raw.includes('\0')) return refuse(`'${rel}' is not a file path`);
  const slashed = raw.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return refuse(`${raw} is an absolute path; edits name project-relative files`);
  const path = posix.normalize(toPosixRelative(slashed));
  if (path === '..' || path.startsWith('../')) return refuse(`${raw} is outside the project`);
  if (path === '.' || path.endsWith('/')) return refuse(`${raw} is a directory, not a file`);
  const segments = path.split('/');
  const dir = protectedDirs.find((name) => segments.some((segment) => segment.toLowerCase() === name));
  if (dir !== undefined) return refuse(`${path} is inside ${dir}/, which redgreen never edits`);
  const base = segments.at(-1) ?? path;
  if (lockfiles.has(base)) return refuse(`${path} is a lockfile; change dependencies with your package manager`);
  if (base === '.env' || base.startsWith('.env.')) return refuse(`${path} is an environment file and may hold secrets`);
  if (!options.allowTestEdits && options.isTestFile(path)) {
    return refuse(`${path} is a test file; the tests are the specification (pass --allow-test-edits to allow)`);
  }
  if (options.src !== undefined && options.src.length > 0 && !matchesGlobs(path, options.src)) {
    return refuse(`${path} is outside the --src scope (${options.src.join(', ')})`);
  }
  return { ok: true, path };
}

/** Whether a project-relative POSIX path matches any of `globs` (dotfiles included). */
export function matchesGlobs(rel: string, globs: readonly string[]): boolean {
  return globs.length > 0 && matcherFor(globs)(toPosixRelative(rel));
}

// The same few --src globs are checked against every file of the project: compile them once.
const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let matcher = matchers.get(key);
  if (matcher === undefined) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}
