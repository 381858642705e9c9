/**
 * A model-written path in project-relative form: `./x` → `x`, backslashes → `/`. When `knownFiles` is given and
 * the path is not one of them, a unique suffix match resolves it (`math.ts` → `src/math.ts`, or an absolute
 * `/home/me/proj/src/math.ts` → `src/math.ts`). Nothing is validated here; the workspace does that.
 */
export function normalizePath(raw: string, knownFiles?: readonly string[]): string {
  let path = raw
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  while (path.startsWith('./')) path = path.slice(2);
  if (!knownFiles || knownFiles.length === 0 || knownFiles.includes(path)) return path;
  const bare = path.replace(/^\/+/, '');
  const candidates = knownFiles.filter((known) => known.endsWith(`/${bare}`) || path.endsWith(`/${known}`));
  return candidates.length === 1 && candidates[0] !== undefined ? candidates[0] : path;
}

/** Strips the `a/` or `b/` prefix git puts on diff header paths, and any timestamp after a tab. */
export function diffHeaderPath(raw: string): string {
  const path = raw.split('\t')[0]?.trim() ?? '';
  return /^[ab]\//.test(path) ? path.slice(2) : path;
}

/**
 * The path a line announces, if it is nothing but a path with decoration: `src/x.ts`, `` `src/x.ts` ``,
 * `**src/x.ts**`, `### src/x.ts`, `File: src/x.ts`, `// src/x.ts`, `# src/x.py`, `<!-- x.md -->`, `src/x.ts:`.
 * Also `Here is the updated \`src/x.ts\`:` — a line ending in a colon that quotes exactly one path.
 */
export function pathFromLine(line: string): string | undefined {
  const cleaned = line
    .trim()
    .replace(/^<!--\s*(.*?)\s*-->$/, '$1')
    .replace(/^\/\*+\s*(.*?)\s*\*+\/$/, '$1')
    .replace(/^(?:\/\/+|#+|--|;+)\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/^(?:file(?:name)?|path)\s*:\s*/i, '')
    .replace(/:$/, '')
    .replace(/^[*_`'"]+|[*_`'"]+$/g, '')
    .trim();
  if (looksLikePath(cleaned)) return cleaned;
  if (!line.trim().endsWith(':')) return undefined;
  const quoted = [...line.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? '').filter(looksLikePath);
  return quoted.length === 1 ? quoted[0] : undefined;
}

/** A path has no spaces and a slash or a file extension; prose rarely does. */
export function looksLikePath(text: string): boolean {
  return (
    text.length > 0 &&
    text.length < 260 &&
    !/[\s`*<>|"'?]/.test(text) &&
    /(?:\/|\.[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$)/.test(text) &&
    !/^\.+$/.test(text) &&
    !/^[a-z]+:\/\//i.test(text)
  );
}
