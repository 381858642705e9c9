import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/** The compiler setup a type-check session runs with, or why there is none. */
export type TypecheckConfig =
  | {
      readonly status: 'on';
      /** Absolute path of the tsconfig.json or jsconfig.json the setup comes from. */
      readonly configFile: string;
      readonly options: ts.CompilerOptions;
      readonly rootNames: readonly string[];
      readonly projectReferences?: readonly ts.ProjectReference[];
    }
  | { readonly status: 'off'; readonly reason: string };

/**
 * Reads the compiler setup of the project at `projectDir`, looking no higher than `root` (a sandbox sits in the
 * temp dir, where a stray tsconfig.json is not the project's). A tsconfig.json is used as it stands: JavaScript
 * files are type-checked only where it asks for `checkJs`. A jsconfig.json counts only when it sets `checkJs`,
 * since JavaScript that its author does not type-check has no type errors to introduce. No config: off.
 * Output settings are dropped (the session never emits) and declaration files go unchecked.
 */
export function readTypecheckConfig(projectDir: string, root: string = projectDir): TypecheckConfig {
  const tsconfig = findWithin(projectDir, root, 'tsconfig.json');
  if (tsconfig !== undefined) return parse(tsconfig, {});
  const jsconfig = findWithin(projectDir, root, 'jsconfig.json');
  if (jsconfig === undefined) return { status: 'off', reason: 'the project has no tsconfig.json or jsconfig.json' };
  const parsed = parse(jsconfig, { allowJs: true, maxNodeModuleJsDepth: 2, allowSyntheticDefaultImports: true, skipLibCheck: true, noEmit: true });
  if (parsed.status === 'on' && parsed.options.checkJs !== true) return { status: 'off', reason: `${relative(root, jsconfig)} does not ask for checkJs` };
  return parsed;
}

function findWithin(projectDir: string, root: string, name: string): string | undefined {
  const found = ts.findConfigFile(projectDir, ts.sys.fileExists, name);
  if (found === undefined) return undefined;
  const rel = relative(root, dirname(found));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..') ? found : undefined;
}

function parse(configFile: string, defaults: ts.CompilerOptions): TypecheckConfig {
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error !== undefined) return { status: 'off', reason: `${configFile}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}` };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configFile), defaults, configFile);
  const fatal = parsed.errors.find((d) => d.category === ts.DiagnosticCategory.Error && d.code !== noInputsCode);
  if (fatal !== undefined) return { status: 'off', reason: `${configFile}: ${ts.flattenDiagnosticMessageText(fatal.messageText, '\n')}` };
  // Declaration files are not checked (skipLibCheck): only a project's own sources are reported, and checking the
  // declarations of its dependencies would be most of a fresh check's time.
  const options: ts.CompilerOptions = {
    ...parsed.options,
    // TypeScript 6 includes no `@types` package unless `types` names it; the projects most users have were set up
    // with TypeScript 5, which included them. Without this, an edit using `process` would be refused.
    ...(parsed.options.types === undefined ? { types: declaredTypePackages(dirname(configFile)) } : {}),
    skipLibCheck: true,
    noEmit: true,
    incremental: false,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
  };
  delete options.tsBuildInfoFile;
  delete options.outDir;
  return {
    status: 'on',
    configFile,
    options,
    rootNames: parsed.fileNames,
    ...(parsed.projectReferences === undefined ? {} : { projectReferences: parsed.projectReferences }),
  };
}

/**
 * The `@types` packages that the package.json of `dir` or of an ancestor depends on, and that are installed:
 * what a project set up with TypeScript 5 relied on (it included every visible `@types` package; the ones a
 * project declares are the ones its code means, and the hoisted rest of a dependency tree can triple a check).
 */
function declaredTypePackages(dir: string): string[] {
  const names = new Set<string>();
  const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  for (let current = dir; ; current = dirname(current)) {
    try {
      const manifest = JSON.parse(readFileSync(join(current, 'package.json'), 'utf8')) as Record<string, unknown>;
      for (const field of fields) {
        const deps = manifest[field];
        if (typeof deps !== 'object' || deps === null) continue;
        for (const name of Object.keys(deps)) if (name.startsWith('@types/')) names.add(name.slice('@types/'.length));
      }
    } catch {
      // no package.json here, or not one that parses
    }
    if (dirname(current) === current) break;
  }
  return [...names].filter((name) => installed(dir, name)).sort();
}

function installed(dir: string, name: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules', '@types', name))) return true;
    if (dirname(current) === current) return false;
  }
}

/** "No inputs were found in config file": a project whose sources a proposal may still create. */
const noInputsCode = 18003;
