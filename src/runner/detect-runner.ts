import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';

interface PackageJson {
  readonly scripts?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly jest?: unknown;
}

const configFile = /^(?:vitest|jest)\.config\.[cm]?[jt]s$|^vitest\.workspace\.|^vite\.config\.[cm]?[jt]s$|^\.mocharc\.(?:[cm]?js|json|jsonc|ya?ml)$/;

async function readPackage(projectDir: string): Promise<PackageJson | undefined> {
  try {
    return JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

async function viteConfigHasTest(projectDir: string, file: string): Promise<boolean> {
  const text = await readFile(join(projectDir, file), 'utf8').catch(() => '');
  return /\btest\s*:/.test(text) || text.includes('vitest');
}

/** Which framework a `test` script runs, if it names one. */
export function runnerFromScript(script: string): string | undefined {
  if (/\bvitest\b/.test(script)) return 'vitest';
  if (/\bjest\b/.test(script)) return 'jest';
  if (/\bnode\b[^&|;]*--test\b/.test(script)) return 'node-test';
  if (/\b_?mocha\b/.test(script)) return 'mocha';
  return undefined;
}

/**
 * The runner spec for a project: the `test` script when it names a framework, then config files, then
 * dependencies; `command:npm test` when only a `test` script exists.
 * @throws ConfigError when the project shows no way to run its tests.
 */
export async function detectRunnerName(projectDir: string): Promise<string> {
  const pkg = await readPackage(projectDir);
  const script = pkg?.scripts?.test;
  const fromScript = script ? runnerFromScript(script) : undefined;
  if (fromScript) return fromScript;
  const entries = await readdir(projectDir).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => configFile.test(name)).sort()) {
    if (entry.startsWith('vitest.')) return 'vitest';
    if (entry.startsWith('jest.')) return 'jest';
    if (entry.startsWith('vite.') && (await viteConfigHasTest(projectDir, entry))) return 'vitest';
    if (entry.startsWith('.mocharc.')) return 'mocha';
  }
  if (pkg?.jest !== undefined) return 'jest';
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
  if ('vitest' in deps) return 'vitest';
  if ('jest' in deps) return 'jest';
  if ('mocha' in deps) return 'mocha';
  if (script && !/no test specified/.test(script)) return 'command:npm test';
  throw new ConfigError(
    `Cannot tell how to run the tests in ${projectDir}: no vitest, jest or mocha dependency or config, and no "test" script in package.json. Pass --runner (vitest, jest, node-test, mocha or "command:<cmd>").`,
  );
}
