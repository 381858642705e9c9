import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import type { Loader } from 'lilconfig';
import { lilconfig } from 'lilconfig';
import { ConfigError } from '../core/errors.js';
import { describeProblems } from './config-problems.js';
import type { RedgreenConfig } from './schema.js';
import { configSchema } from './schema.js';

export interface LoadedConfig {
  readonly config: RedgreenConfig;
  /** Where it came from, for messages; undefined when the project has none. */
  readonly source?: string;
}

export interface LoadConfigOptions {
  /** A settings file to use instead of searching (`--config`), relative to `cwd`. */
  readonly file?: string;
  /** What file names in messages are relative to; `process.cwd()` by default. */
  readonly cwd?: string;
}

/** The file names searched in each directory, in order of precedence; package.json's `redgreen` key comes last. */
export const configFileNames = ['ts', 'mts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `redgreen.config.${ext}`);

/**
 * Reads the project's settings. The nearest `redgreen.config.{ts,mts,js,mjs,cjs,json}` or package.json with a
 * `redgreen` key wins, searching from `projectDir` upward like ESLint and Prettier do, but never past the
 * repository root (the first directory holding `.git`): a config outside the repository being fixed — it
 * names commands the run executes — never applies by surprise. Settings are not merged across directories.
 */
export async function loadConfig(projectDir: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const explorer = lilconfig('redgreen', {
    searchPlaces: [...configFileNames, 'package.json'],
    stopDir: repositoryRoot(resolve(projectDir)),
    loaders: loaders(cwd),
    cache: false,
  });
  let found: { config: unknown; filepath: string } | null;
  if (options.file === undefined) {
    found = await explorer.search(projectDir);
  } else {
    const file = resolve(cwd, options.file);
    if (!existsSync(file)) throw new ConfigError(`--config: ${options.file} does not exist`);
    if (!isSupported(file)) throw new ConfigError(`--config: ${options.file}: expected a .ts, .mts, .js, .mjs, .cjs or .json file (or package.json)`);
    found = await explorer.load(file);
  }
  if (found === null || found.config === undefined || found.config === null) return found === null ? { config: {} } : { config: {}, source: found.filepath };
  return { config: validate(found.config, found.filepath, cwd), source: found.filepath };
}

function validate(value: unknown, file: string, cwd: string): RedgreenConfig {
  const where = shortName(file, cwd) + (file.endsWith('package.json') ? '#redgreen' : '');
  const parsed = configSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = describeProblems(parsed.error.issues, where, Object.keys(configSchema.shape));
  // No `cause`: zod's own message is the raw issue list these lines replace.
  throw new ConfigError(problems.join('\n'));
}

function loaders(cwd: string): Record<string, Loader> {
  const named =
    (load: Loader): Loader =>
    async (file, content) => {
      try {
        return await load(file, content);
      } catch (error) {
        throw new ConfigError(`${shortName(file, cwd)} could not be loaded`, { cause: error });
      }
    };
  const json: Loader = (file, content) => {
    try {
      return JSON.parse(content.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      throw new ConfigError(`${shortName(file, cwd)} is not valid JSON`, { cause: error });
    }
  };
  const module = named(importModule);
  return { '.ts': module, '.mts': module, '.js': module, '.mjs': module, '.cjs': module, '.json': json };
}

/**
 * Loads a config module with jiti, which compiles TypeScript on the fly and resolves the config's own imports
 * (`import { defineConfig } from 'redgreen/config'`) from where the file is. Loaded only when a config needs it, and
 * told not to cache compiled files: that cache would be written into the user's project. `redgreen` itself is
 * imported natively, so a run shares the modules it has already loaded instead of compiling a second copy.
 */
async function importModule(file: string): Promise<unknown> {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(file, { fsCache: false, moduleCache: false, nativeModules: ['redgreen'] });
  const exported = await jiti.import(file, { default: true });
  if (exported !== undefined && (typeof exported !== 'object' || Array.isArray(exported) || exported === null)) {
    throw new ConfigError(`expected the settings object as the default export, got ${Array.isArray(exported) ? 'an array' : typeof exported}`);
  }
  return exported;
}

function isSupported(file: string): boolean {
  return parse(file).base === 'package.json' || ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'].includes(extname(file));
}

/** The first directory from `dir` upward that holds `.git` (a folder, or a file in worktrees), else the filesystem root. */
function repositoryRoot(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return current;
  }
}

function shortName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
