import type { ProtectionKind } from './protected-files.js';

/** Fields of package.json that run code or change what gets installed, and fields that configure the tests. */
const fieldKinds: Record<string, ProtectionKind> = {
  scripts: 'runs-code',
  dependencies: 'runs-code',
  devDependencies: 'runs-code',
  peerDependencies: 'runs-code',
  optionalDependencies: 'runs-code',
  bundledDependencies: 'runs-code',
  bundleDependencies: 'runs-code',
  overrides: 'runs-code',
  resolutions: 'runs-code',
  workspaces: 'runs-code',
  pnpm: 'runs-code',
  config: 'runs-code',
  bin: 'runs-code',
  packageManager: 'runs-code',
  redgreen: 'runs-code',
  jest: 'test-data',
  mocha: 'test-data',
  ava: 'test-data',
  babel: 'test-data',
};

/** One guarded field of package.json that an edit changes: `scripts.postinstall`, `dependencies.left-pad`. */
export interface ManifestChange {
  readonly kind: ProtectionKind;
  readonly field: string;
}

/**
 * The guarded fields that differ between two package.json texts (`undefined`: the file does not exist),
 * compared parsed, so formatting and key order do not count. Text that is not a JSON object cannot be
 * compared and counts as changing everything.
 */
export function manifestChanges(before: string | undefined, after: string | undefined): ManifestChange[] {
  const old = parseObject(before ?? '{}');
  const next = parseObject(after ?? '{}');
  if (old === undefined || next === undefined) return [{ kind: 'runs-code', field: 'the whole file (it is not a JSON object redgreen can compare)' }];
  const changes: ManifestChange[] = [];
  for (const [field, kind] of Object.entries(fieldKinds)) {
    const a = old[field];
    const b = next[field];
    if (canonical(a) === canonical(b)) continue;
    const keys = isObject(a) || isObject(b) ? changedKeys(isObject(a) ? a : {}, isObject(b) ? b : {}) : [];
    if (keys.length === 0) changes.push({ kind, field });
    else changes.push(...keys.map((key) => ({ kind, field: `${field}.${key}` })));
  }
  return changes;
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => canonical(a[key]) !== canonical(b[key]));
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : inner,
  );
}
