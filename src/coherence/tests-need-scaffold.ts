import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../analysis/parse.js';
import { collectImports } from './extract/bindings.js';
import { resolveSpecifier } from './extract/resolve-specifier.js';
import { readPathAliases } from './extract/tsconfig-paths.js';

/**
 * Whether the test files import something of the project that may not exist: a module that does not resolve,
 * or a name that the imported module's text does not even mention. A parse per test file and a read per
 * module, no type-checker: `redgreen fix` pays for the full extraction (a program over every test file) only
 * when this says yes. A name mentioned in the module counts as there; the full check is `redgreen scaffold`.
 */
export async function testsNeedScaffold(projectDir: string, testFiles: readonly string[]): Promise<boolean> {
  const typeScriptProject = existsSync(join(projectDir, 'tsconfig.json'));
  const aliases = typeScriptProject ? readPathAliases(projectDir) : [];
  const texts = new Map<string, string | undefined>();
  const moduleText = async (file: string): Promise<string | undefined> => {
    if (!texts.has(file)) texts.set(file, await readFile(join(projectDir, file), 'utf8').catch(() => undefined));
    return texts.get(file);
  };
  for (const importer of testFiles) {
    const text = await readFile(join(projectDir, importer), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    for (const site of collectImports(parseSource(importer, text))) {
      const target = resolveSpecifier(site.specifier, { projectDir, importer, typeScriptProject, aliases });
      if (target.kind !== 'module') continue;
      if (!target.exists) return true;
      const source = await moduleText(target.file);
      if (source === undefined) return true;
      for (const binding of site.bindings) {
        if (binding.exportName === '*' || binding.exportName === 'default') continue;
        if (!new RegExp(`\\b${binding.exportName.replace(/\$/g, '\\$')}\\b`).test(source)) return true;
      }
    }
  }
  return false;
}
