import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { decodeText } from '../workspace/file-text.js';
import type { ContractModel } from './contract-model.js';
import type { ScaffoldInputs } from './scaffold.js';
import { notImplementedBaseName } from './scaffold/not-implemented-module.js';

/**
 * Reads what planning a scaffold needs from the project: the text of the modules the tests import that exist,
 * of any `not-implemented.*` module in their folders and above, package.json's `type`, and which test files
 * load modules with `require()`.
 */
export async function readScaffoldInputs(projectDir: string, model: ContractModel): Promise<ScaffoldInputs> {
  const texts = new Map<string, string>();
  const candidates = new Set<string>();
  for (const module of model.modules) {
    candidates.add(module.file);
    for (let folder = posix.dirname(module.file); ; folder = posix.dirname(folder)) {
      const base = folder === '.' ? notImplementedBaseName : `${folder}/${notImplementedBaseName}`;
      for (const extension of ['ts', 'js', 'mjs', 'cjs', 'mts', 'cts']) candidates.add(`${base}.${extension}`);
      if (folder === '.' || folder === '/' || folder.startsWith('..')) break;
    }
  }
  for (const file of candidates) {
    const text = await readText(projectDir, file);
    if (text !== undefined) texts.set(file, text);
  }
  const requiringTests = new Set<string>();
  for (const test of model.testFiles) {
    const text = await readText(projectDir, test);
    if (text !== undefined && /\brequire\s*\(\s*['"]\./.test(text)) requiringTests.add(test);
  }
  const manifest = await readText(projectDir, 'package.json');
  return { texts, packageType: packageTypeOf(manifest), requiringTests };
}

function packageTypeOf(manifest: string | undefined): 'module' | 'commonjs' {
  if (manifest === undefined) return 'commonjs';
  try {
    return (JSON.parse(manifest) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}

async function readText(projectDir: string, file: string): Promise<string | undefined> {
  // Decoded as write-back encodes, so that an appended file keeps its encoding and byte-order mark.
  const bytes = await readFile(join(projectDir, file)).catch(() => undefined);
  return bytes === undefined ? undefined : decodeText(bytes).text;
}
