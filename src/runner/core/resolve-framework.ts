import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, RunnerError } from '../../core/errors.js';

export interface FrameworkBin {
  /** Absolute path of the framework's CLI script, run with `process.execPath`. */
  readonly bin: string;
  readonly packageDir: string;
  readonly major: number;
}

interface PackageJson {
  readonly version?: string;
  readonly bin?: string | Record<string, string>;
}

/**
 * Finds the project's own copy of a framework (never a global one) and its CLI script.
 * @throws ConfigError when the project cannot resolve the package at all.
 */
export function resolveFrameworkBin(cwd: string, packageName: string, binName = packageName): FrameworkBin {
  let manifestPath: string;
  try {
    manifestPath = createRequire(join(resolve(cwd), 'package.json')).resolve(`${packageName}/package.json`);
  } catch (error) {
    // The project's own setup, not a fault of the run: a configuration error the user can mend.
    throw new ConfigError(`Cannot find "${packageName}" from ${cwd}; install it in the project (npm install --save-dev ${packageName}).`, { cause: error });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson;
  const relativeBin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (relativeBin === undefined) throw new RunnerError(`The installed "${packageName}" has no "${binName}" executable in its package.json.`);
  const packageDir = dirname(manifestPath);
  return { bin: join(packageDir, relativeBin), packageDir, major: Number.parseInt(manifest.version ?? '0', 10) };
}

/**
 * The file URL of one of a package's ESM exports (`'.'`, `'./node'`), read from its package.json; `fallback`
 * when the manifest does not say (older layouts).
 */
export function packageExportUrl(packageDir: string, subpath: string, fallback: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const entry = manifest.exports?.[subpath] as string | { import?: string | { default?: string }; default?: string } | undefined;
  const nested = typeof entry === 'object' ? (entry.import ?? entry.default) : entry;
  const relative = (typeof nested === 'object' ? nested.default : nested) ?? fallback;
  return pathToFileURL(join(packageDir, relative)).href;
}
