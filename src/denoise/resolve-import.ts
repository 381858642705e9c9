import { posix } from 'node:path';

const relativeImportPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const bareImportPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g;
const candidateExtensions = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Relative module specifiers a source file imports. Pure. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(relativeImportPattern)].map((m) => m[1] as string);
}

/** Bare module specifiers a source file imports (`@ws/a`, `lodash/fp`), `node:` builtins left out. Pure. */
export function bareImports(text: string): string[] {
  return [...text.matchAll(bareImportPattern)].map((m) => m[1] as string).filter((s) => !s.startsWith('node:'));
}

/** Resolves a relative specifier against the importing file to an existing project file, TS-aware (`./x.js` → `x.ts`). Pure. */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stems = [base, base.replace(/\.(c|m)?jsx?$/, '')];
  for (const stem of stems) {
    for (const ext of candidateExtensions) {
      if (files.has(stem + ext)) return stem + ext;
      if (files.has(`${stem}/index${ext}`) && ext !== '') return `${stem}/index${ext}`;
    }
  }
  return undefined;
}
