import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { RedgreenConfig } from './schema.js';
import { configSchema } from './schema.js';

export interface LoadedConfig {
  readonly config: RedgreenConfig;
  /** Where it came from, for messages; undefined when the project has none. */
  readonly source?: string;
}

/** Reads the project's settings: `redgreen.config.json`, else the `redgreen` key of package.json, else none. */
export async function loadConfig(projectDir: string): Promise<LoadedConfig> {
  const file = join(projectDir, 'redgreen.config.json');
  const own = await readJson(file);
  if (own !== undefined) return { config: validate(own, file), source: file };
  const pkgFile = join(projectDir, 'package.json');
  const pkg = await readJson(pkgFile);
  if (pkg !== null && typeof pkg === 'object' && 'redgreen' in pkg) {
    return { config: validate((pkg as { redgreen: unknown }).redgreen, `${pkgFile} ("redgreen" key)`), source: pkgFile };
  }
  return { config: {} };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON`, { cause: error });
  }
}

function validate(value: unknown, where: string): RedgreenConfig {
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new ConfigError(`invalid redgreen settings in ${where}: ${problems}`, { cause: parsed.error });
}
