import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The defect categories of the corpus, in the order the README lists them. */
export const DEFECT_CATEGORIES = [
  'off-by-one',
  'wrong-relational-operator',
  'wrong-arithmetic-operator',
  'wrong-logical-operator',
  'swapped-operands',
  'missing-guard',
  'missing-return',
  'wrong-variable',
  'wrong-literal',
  'wrong-method',
  'deleted-statement',
  'duplicated-statement',
  'stub',
  'multi-edit',
] as const;

export type DefectCategory = (typeof DEFECT_CATEGORIES)[number];

/** `bug.json`: where the defect is and how the known fix reads. */
export const bugSpecSchema = z.strictObject({
  id: z.string().regex(/^\d{2,}-[a-z0-9]+(-[a-z0-9]+)*$/, 'ids look like 07-min-heap'),
  module: z.string().regex(/^src\/[\w.-]+\.ts$/, 'the module is a .ts file under src/'),
  defect: z.enum(DEFECT_CATEGORIES),
  description: z.string().min(10),
  buggy: z.string().min(1),
  fixed: z.string(),
  /** The buggy program loops forever on some visible test, so the visible run is expected to time out. */
  hangs: z.boolean().optional(),
});

export type BugSpec = z.infer<typeof bugSpecSchema>;

/** The corpus root, `bench/bugs/`. */
export const corpusDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The repository root, whose node_modules every bug runs with. */
export const repoRoot = resolve(corpusDir, '..', '..');

/** The bug directories under `root` (those holding a `bug.json`), sorted by name. */
export async function listBugDirs(root: string = corpusDir): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(join(root, entry.name));
    if (names.includes('bug.json')) dirs.push(join(root, entry.name));
  }
  return dirs.sort();
}

export type LoadBugResult =
  | { status: 'ok'; spec: BugSpec }
  | { status: 'invalid'; message: string };

/** Reads and validates `<dir>/bug.json`. */
export async function loadBugSpec(dir: string): Promise<LoadBugResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'bug.json'), 'utf8'));
  } catch (error) {
    return { status: 'invalid', message: `bug.json is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = bugSpecSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: 'invalid', message: z.prettifyError(parsed.error) };
  }
  return { status: 'ok', spec: parsed.data };
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

export type ReplaceResult =
  | { status: 'applied'; source: string }
  | { status: 'no-match' }
  | { status: 'ambiguous'; count: number };

/** Replaces the single occurrence of `search` in `source` by `replacement`. */
export function replaceOnce(source: string, search: string, replacement: string): ReplaceResult {
  const count = countOccurrences(source, search);
  if (count === 0) return { status: 'no-match' };
  if (count > 1) return { status: 'ambiguous', count };
  const at = source.indexOf(search);
  return { status: 'applied', source: source.slice(0, at) + replacement + source.slice(at + search.length) };
}
