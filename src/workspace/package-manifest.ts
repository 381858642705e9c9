import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The fields of a package.json that workspaces and source entries are read from. */
export interface PackageManifest {
  readonly name?: string;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly source?: string;
  readonly exports?: unknown;
  readonly workspaces?: readonly string[] | { readonly packages?: readonly string[] };
  readonly scripts?: Readonly<Record<string, string>>;
}

/** Parses package.json text; undefined when it is not a JSON object. Pure. */
export function parseManifest(text: string): PackageManifest | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The package.json in `dir`, or undefined when it is missing or unreadable. */
export async function readManifest(dir: string): Promise<PackageManifest | undefined> {
  const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseManifest(text);
}
