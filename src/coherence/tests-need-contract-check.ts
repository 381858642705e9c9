import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../analysis/parse.js';
import { collectImports } from './extract/bindings.js';
import { resolveSpecifier } from './extract/resolve-specifier.js';
import { readPathAliases } from './extract/tsconfig-paths.js';
import type { DeclaredShape } from './precheck/declared-shapes.js';
import { readDeclaredShapes } from './precheck/declared-shapes.js';
import { usesDisagree } from './precheck/uses-disagree.js';

/**
 * Whether the test files may expect something the code does not have or do: a module that does not resolve, a
 * name the imported module's text does not even mention, or a use its declaration's syntax does not allow (an
 * argument count, an awaited function that cannot return a Promise, a class member it does not declare). A
 * parse per test file and per module, no type-checker: `redgreen fix` pays for the full extraction and check (a
 * program over every test file) only when this says yes. The full check is `redgreen scaffold`'s.
 */
export async function testsNeedContractCheck(projectDir: string, testFiles: readonly string[]): Promise<boolean> {
  const typeScriptProject = existsSync(join(projectDir, 'tsconfig.json'));
  const aliases = typeScriptProject ? readPathAliases(projectDir) : [];
  const modules = new Map<string, { text: string; shapes: ReadonlyMap<string, DeclaredShape> } | undefined>();
  const moduleOf = async (file: string) => {
    if (!modules.has(file)) {
      const text = await readFile(join(projectDir, file), 'utf8').catch(() => undefined);
      modules.set(file, text === undefined ? undefined : { text, shapes: readDeclaredShapes(parseSource(file, text)) });
    }
    return modules.get(file);
  };
  for (const importer of testFiles) {
    const text = await readFile(join(projectDir, importer), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const source = parseSource(importer, text);
    const imported = new Map<string, DeclaredShape>();
    for (const site of collectImports(source)) {
      const target = resolveSpecifier(site.specifier, { projectDir, importer, typeScriptProject, aliases });
      if (target.kind !== 'module') continue;
      if (!target.exists) return true;
      const module = await moduleOf(target.file);
      if (module === undefined) return true;
      for (const binding of site.bindings) {
        if (binding.exportName === '*' || binding.exportName === 'default') continue;
        if (!new RegExp(`\\b${binding.exportName.replace(/\$/g, '\\$')}\\b`).test(module.text)) return true;
        const shape = module.shapes.get(binding.exportName);
        if (shape !== undefined) imported.set(binding.name.text, shape);
      }
    }
    if (usesDisagree(source, imported)) return true;
  }
  return false;
}
