/**
 * How a module is written: TypeScript, or JavaScript with JSDoc types; ES modules (`import`/`export`) or
 * CommonJS (`require`/`module.exports`). TypeScript is always written as ES modules.
 */
export interface Dialect {
  readonly lang: 'ts' | 'js';
  readonly module: 'esm' | 'cjs';
}

/** The dialect of a module file: its extension, then the package's `type`, then how the code or its tests load modules. */
export function dialectOf(
  file: string,
  hints: { readonly packageType: 'module' | 'commonjs'; readonly text?: string; readonly testsRequire: boolean },
): Dialect {
  const extension = /\.([cm]?[jt]sx?)$/.exec(file)?.[1] ?? 'ts';
  if (extension.includes('t')) return { lang: 'ts', module: 'esm' };
  if (extension === 'mjs') return { lang: 'js', module: 'esm' };
  if (extension === 'cjs') return { lang: 'js', module: 'cjs' };
  if (hints.text !== undefined && hints.text.trim() !== '') return { lang: 'js', module: usesCommonJs(hints.text) ? 'cjs' : 'esm' };
  if (hints.packageType === 'module') return { lang: 'js', module: 'esm' };
  return { lang: 'js', module: hints.testsRequire ? 'cjs' : 'esm' };
}

/** Whether JavaScript text loads and exports the CommonJS way (and has no `import`/`export` statements). */
export function usesCommonJs(text: string): boolean {
  const esm = /^\s*(import\s[^(]|export\s)/m.test(text);
  return !esm && /\b(require\s*\(|module\.exports\b|exports\.\w+\s*=)/.test(text);
}
