import { existsSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { PathAlias } from './tsconfig-paths.js';
import { applyPathAlias } from './tsconfig-paths.js';

/** Where an import of a test leads: a module of the project (existing or to create), a missing package, or nothing of ours. */
export type SpecifierTarget =
  | { readonly kind: 'module'; readonly file: string; readonly exists: boolean }
  | { readonly kind: 'missing-package'; readonly name: string }
  | { readonly kind: 'ignored' };

/** Test frameworks and assertion libraries: what tests import to run, never code under test. */
const testFrameworks = new Set([
  'vitest',
  'jest',
  '@jest/globals',
  'mocha',
  'chai',
  'node:test',
  'ava',
  'uvu',
  'tap',
  'jasmine',
  'expect',
  '@playwright/test',
  'sinon',
  'chai-as-promised',
]);

const builtins = new Set(builtinModules);

const typeScriptExtensions = ['.ts', '.tsx', '.mts', '.cts'];
const scriptExtensions = [...typeScriptExtensions, '.js', '.jsx', '.mjs', '.cjs'];
/** ESM specifiers name the emitted file: `x.js` is `x.ts` or `x.tsx` in the source tree. */
const sourceFor: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** What the project writes new modules in: TypeScript with a tsconfig.json or TypeScript tests, else JavaScript. */
export interface ResolveContext {
  readonly projectDir: string;
  /** Project-relative path of the importing test file. */
  readonly importer: string;
  readonly typeScriptProject: boolean;
  /** The tsconfig `paths` aliases (tsconfig-paths.ts). */
  readonly aliases?: readonly PathAlias[];
}

/** Resolves an import specifier of a test file (see SpecifierTarget). Touches the disk; no module is loaded. */
export function resolveSpecifier(specifier: string, context: ResolveContext): SpecifierTarget {
  if (specifier.startsWith('.') || specifier.startsWith('/'))
    return resolveRelative(resolve(dirname(join(context.projectDir, context.importer)), specifier), context);
  if (specifier.startsWith('node:') || builtins.has(specifier)) return { kind: 'ignored' };
  const aliased = applyPathAlias(specifier, context.aliases ?? []);
  if (aliased !== undefined) return resolveRelative(aliased, context);
  if (specifier.startsWith('#')) {
    const imported = resolveInstalled(specifier, specifier, context.projectDir);
    return imported === undefined || imported === 'installed' ? { kind: 'ignored' } : { kind: 'module', file: imported, exists: true };
  }
  const name = packageName(specifier);
  if (testFrameworks.has(name) || testFrameworks.has(specifier)) return { kind: 'ignored' };
  const inside = resolveInstalled(specifier, name, context.projectDir);
  if (inside === 'installed') return { kind: 'ignored' };
  if (inside !== undefined) return { kind: 'module', file: inside, exists: true };
  return { kind: 'missing-package', name };
}

/** `@scope/pkg/sub` → `@scope/pkg`; `lodash/fp` → `lodash`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function resolveRelative(target: string, context: ResolveContext): SpecifierTarget {
  const found = existingFile(target);
  if (found !== undefined) return { kind: 'module', file: toProjectPath(context.projectDir, found), exists: true };
  return { kind: 'module', file: toProjectPath(context.projectDir, fileToCreate(target, context)), exists: false };
}

function existingFile(target: string): string | undefined {
  const extension = /\.[cm]?[jt]sx?$/.exec(target)?.[0];
  if (extension !== undefined) {
    const stem = target.slice(0, -extension.length);
    const candidates = [...(sourceFor[extension] ?? []).map((source) => stem + source), target];
    const hit = candidates.find(isFile);
    if (hit !== undefined) return hit;
  }
  const direct = scriptExtensions.map((ext) => target + ext).find(isFile);
  if (direct !== undefined) return direct;
  return scriptExtensions.map((ext) => join(target, `index${ext}`)).find(isFile);
}

function fileToCreate(target: string, context: ResolveContext): string {
  const extension = /\.[cm]?[jt]sx?$/.exec(target)?.[0];
  const typeScript = context.typeScriptProject || typeScriptExtensions.some((ext) => context.importer.endsWith(ext));
  if (extension === '.js' || extension === '.jsx') return target.slice(0, -extension.length) + (typeScript ? extension.replace('js', 'ts') : extension);
  if (extension !== undefined) return target;
  return target + (typeScript ? '.ts' : '.js');
}

/** `installed` for a package of node_modules; a project file for a specifier that resolves inside the project (a workspace path); else undefined. */
function resolveInstalled(specifier: string, name: string, projectDir: string): 'installed' | string | undefined {
  for (let dir = resolve(projectDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return 'installed';
    if (dirname(dir) === dir) break;
  }
  try {
    const resolved = createRequire(join(projectDir, 'package.json')).resolve(specifier);
    const within = relative(resolve(projectDir), resolved);
    if (within.startsWith('..') || within.split(sep).includes('node_modules')) return 'installed';
    return toProjectPath(projectDir, resolved);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function toProjectPath(projectDir: string, path: string): string {
  return relative(resolve(projectDir), path).split(sep).join('/');
}
