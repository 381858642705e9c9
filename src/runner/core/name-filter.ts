import type { TestId } from '../../core/test-report.js';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A pattern for frameworks that match `-t` against the titles joined by spaces (vitest, jest): each requested
 * full name, its ' > ' separators matching either form, anchored at the end. It may select a superset
 * (a same-named test under another parent); the report drops what was not requested.
 */
export function fullNamePattern(ids: readonly TestId[]): string {
  const names = [...new Set(ids.map((id) => id.name))];
  const alternatives = names.map((name) => name.split(' > ').map(escapeRegExp).join('(?: > | )'));
  return `(?:^| )(?:${alternatives.join('|')})$`;
}

/** A pattern matching only the leaf titles exactly, for runners that test each title on its own (node:test). */
export function leafTitlePattern(ids: readonly TestId[]): string {
  const leaves = [...new Set(ids.map((id) => id.name.split(' > ').at(-1) ?? id.name))];
  return `^(?:${leaves.map(escapeRegExp).join('|')})$`;
}

/** The distinct files of the requested tests combined with the `files` option (intersection when both). */
export function scopeFiles(ids: readonly TestId[] | undefined, files: readonly string[] | undefined): string[] | undefined {
  const fromIds = ids ? [...new Set(ids.map((id) => id.file))] : undefined;
  if (!fromIds) return files ? [...files] : undefined;
  if (!files) return fromIds;
  const allowed = new Set(files);
  return fromIds.filter((file) => allowed.has(file));
}

function fullNameAlternatives(ids: readonly TestId[]): string {
  const names = [...new Set(ids.map((id) => id.name))];
  return names.map((name) => name.split(' > ').map(escapeRegExp).join('(?: > | )')).join('|');
}

/**
 * A pattern for frameworks that match one regular expression against the titles joined by spaces (vitest
 * `-t`, jest `--testNamePattern`, mocha `--grep`): every name except the given full names.
 */
export function excludeFullNamePattern(ids: readonly TestId[]): string {
  return `^(?!(?:.* )?(?:${fullNameAlternatives(ids)})$)`;
}

/**
 * A pattern for runners that test each title on its own (node:test `--test-name-pattern`): every title except
 * the leaf titles of the given tests. A same-titled test elsewhere is left out too; suites still run.
 */
export function excludeLeafTitlePattern(ids: readonly TestId[]): string {
  const leaves = [...new Set(ids.map((id) => id.name.split(' > ').at(-1) ?? id.name))];
  return `^(?!(?:${leaves.map(escapeRegExp).join('|')})$)`;
}
