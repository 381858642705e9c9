import type {
  ClassContract,
  ContractConflict,
  ContractFinding,
  ContractModel,
  ExportContract,
  MethodContract,
  MissingPackage,
  ModuleContract,
  PropertyContract,
  TestFileProblem,
} from './contract-model.js';
import { evidenceText } from './evidence-text.js';
import { dialectOf } from './scaffold/dialect.js';
import type { Dialect } from './scaffold/dialect.js';
import { insertMembers, memberIndent, unexportedDeclarations } from './scaffold/existing-file.js';
import { nameFromFile } from './scaffold/identifiers.js';
import { commonFolder, importSpecifier, isScaffoldable } from './scaffold/module-paths.js';
import { notImplementedBaseName, notImplementedModule } from './scaffold/not-implemented-module.js';
import { createStubRenderer } from './scaffold/render-stubs.js';

/** What scaffolding reads of the project besides the model: plain values, so that planning stays a pure function. */
export interface ScaffoldInputs {
  /** The current text of the project files a plan may change or reuse (existing modules, `not-implemented.*` files), by project-relative path. */
  readonly texts: ReadonlyMap<string, string>;
  /** package.json `type`. */
  readonly packageType: 'module' | 'commonjs';
  /** Test files that load modules with `require()`. */
  readonly requiringTests: ReadonlySet<string>;
}

/** One file scaffolding writes: a new module, or an existing one with stubs added (appended, or inserted in a class). */
export interface ScaffoldFile {
  readonly path: string;
  readonly change: 'created' | 'appended';
  readonly before: string | undefined;
  readonly after: string;
}

/** Something the tests expect that scaffolding leaves to a person, and why. */
export interface ScaffoldNote {
  readonly file: string;
  readonly symbol?: string;
  readonly message: string;
}

export type ScaffoldPlan =
  | { readonly status: 'refused'; readonly problems: readonly TestFileProblem[] }
  | {
      readonly status: 'planned';
      readonly files: readonly ScaffoldFile[];
      readonly skipped: readonly ScaffoldNote[];
      readonly missingPackages: readonly MissingPackage[];
      readonly conflicts: readonly ContractConflict[];
    };

interface Target {
  readonly module: ModuleContract;
  readonly create: boolean;
  readonly exports: ExportContract[];
  readonly members: Map<string, (MethodContract | PropertyContract)[]>;
}

/**
 * The file changes that make the tests' imports resolve and type-check: new modules of typed stubs for the
 * missing ones, missing exports appended to existing modules, missing members inserted into existing classes.
 * Every stub throws `NotImplementedError` (`not implemented: <symbol>`) from one shared generated module; error
 * classes the tests expect are written in full. Nothing is planned from a model with problems (a test file that
 * does not parse); renamed exports and members (a finding with a suggestion), packages and files outside the
 * project are reported, not stubbed. Arity, async and kind findings are left to the repair loop.
 */
export function planScaffold(model: ContractModel, findings: readonly ContractFinding[], inputs: ScaffoldInputs): ScaffoldPlan {
  if (model.problems.length > 0) return { status: 'refused', problems: model.problems };
  const { targets, skipped } = collectTargets(model, findings);
  const files: ScaffoldFile[] = [];
  let needsErrorModule = false;
  if (targets.length > 0) {
    const dialects = new Map(targets.map((target) => [target.module.file, dialectFor(target, inputs)]));
    const errorModule = notImplementedFile(targets, dialects, inputs);
    const classes = classOwners(model);
    for (const target of targets) {
      const dialect = dialects.get(target.module.file) ?? { lang: 'ts', module: 'esm' };
      const written = writeTarget(target, dialect, errorModule.path, classes, inputs, skipped);
      if (written === undefined) continue;
      files.push(written.file);
      needsErrorModule ||= written.importsErrorModule;
    }
    if (errorModule.text !== undefined && needsErrorModule)
      files.push({ path: errorModule.path, change: 'created', before: undefined, after: errorModule.text });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { status: 'planned', files, skipped, missingPackages: model.missingPackages, conflicts: model.conflicts };
}

function collectTargets(model: ContractModel, findings: readonly ContractFinding[]): { targets: Target[]; skipped: ScaffoldNote[] } {
  const targets = new Map<string, Target>();
  const skipped: ScaffoldNote[] = [];
  const target = (module: ModuleContract, create: boolean): Target => {
    const existing = targets.get(module.file) ?? { module, create, exports: [], members: new Map() };
    targets.set(module.file, existing);
    return existing;
  };
  for (const finding of findings) {
    const module = model.modules.find((candidate) => candidate.file === finding.file);
    if (module === undefined) continue;
    if (!isScaffoldable(module.file)) {
      skipped.push({ file: module.file, message: `${module.file} is outside the project or in node_modules: not scaffolded` });
      continue;
    }
    if (finding.suggestion !== undefined && (finding.kind === 'missing-export' || finding.kind === 'missing-member')) {
      const symbol = finding.symbol ?? '';
      skipped.push({
        file: finding.file,
        symbol,
        message: `\`${symbol}\` not scaffolded: the tests may mean \`${finding.suggestion}\` (${evidenceText(finding.evidence)})`,
      });
      continue;
    }
    if (finding.kind === 'missing-module') target(module, true).exports.push(...module.exports);
    if (finding.kind === 'missing-export') {
      const contract = module.exports.find((candidate) => candidate.name === finding.symbol);
      if (contract !== undefined) target(module, false).exports.push(contract);
    }
    if (finding.kind === 'missing-member') {
      const [className = '', memberName = ''] = (finding.symbol ?? '').split('.');
      const owner = module.exports.find((candidate): candidate is ClassContract => candidate.kind === 'class' && candidate.name === className);
      const member = owner?.members.find((candidate) => candidate.name === memberName);
      if (member === undefined) continue;
      const members = target(module, false).members;
      members.set(className, [...(members.get(className) ?? []), member]);
    }
  }
  return { targets: [...targets.values()], skipped };
}

function dialectFor(target: Target, inputs: ScaffoldInputs): Dialect {
  const text = inputs.texts.get(target.module.file);
  const testsRequire = target.module.importedBy.some((test) => inputs.requiringTests.has(test));
  return dialectOf(target.module.file, { packageType: inputs.packageType, testsRequire, ...(text === undefined ? {} : { text }) });
}

/** Where the shared `NotImplementedError` lives: an existing `not-implemented.*` in the stubs' common folder, or a new one (text set). */
function notImplementedFile(targets: readonly Target[], dialects: ReadonlyMap<string, Dialect>, inputs: ScaffoldInputs): { path: string; text?: string } {
  const folder = commonFolder(targets.map((target) => target.module.file));
  const base = folder === '' ? notImplementedBaseName : `${folder}/${notImplementedBaseName}`;
  for (const extension of ['ts', 'js', 'mjs', 'cjs', 'mts', 'cts']) {
    if (inputs.texts.has(`${base}.${extension}`)) return { path: `${base}.${extension}` };
  }
  const all = [...dialects.values()];
  if (all.some((dialect) => dialect.lang === 'ts')) return { path: `${base}.ts`, text: notImplementedModule({ lang: 'ts', module: 'esm' }) };
  // CommonJS cannot require an ES module; an ES module can import CommonJS: one CommonJS user decides.
  const module = all.some((dialect) => dialect.module === 'cjs') ? 'cjs' : 'esm';
  const nativeModule = inputs.packageType === 'module' ? 'esm' : 'cjs';
  const extension = module === nativeModule ? 'js' : module === 'esm' ? 'mjs' : 'cjs';
  return { path: `${base}.${extension}`, text: notImplementedModule({ lang: 'js', module }) };
}

/** Which module file declares each class (or function result interface) the tests use: stubs may name these types (imported where needed). */
function classOwners(model: ContractModel): Map<string, string> {
  const owners = new Map<string, string>();
  for (const module of model.modules) {
    for (const contract of module.exports)
      if (contract.kind === 'class' && contract.name !== 'default' && !owners.has(contract.name)) owners.set(contract.name, module.file);
      else if (contract.kind === 'function' && contract.result !== undefined && !owners.has(contract.result.name))
        owners.set(contract.result.name, module.file);
  }
  return owners;
}

function writeTarget(
  target: Target,
  dialect: Dialect,
  errorModule: string,
  classOwner: ReadonlyMap<string, string>,
  inputs: ScaffoldInputs,
  skipped: ScaffoldNote[],
): { file: ScaffoldFile; importsErrorModule: boolean } | undefined {
  const file = target.module.file;
  const before = target.create ? undefined : inputs.texts.get(file);
  if (!target.create && before === undefined) return undefined;
  const mentioned = (name: string): boolean => before !== undefined && new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(before);
  // JavaScript stubs name only this module's classes; TypeScript ones import the others' as types.
  const knownType = (name: string): boolean => classOwner.get(name) === file || (dialect.lang === 'ts' && classOwner.has(name)) || mentioned(name);
  const renderer = createStubRenderer({ dialect, knownType, defaultName: nameFromFile(file) });
  const unexported = before === undefined ? new Set<string>() : unexportedDeclarations(file, before);
  let usesError = false;
  let usesValue = false;
  const blocks: string[] = [];
  const exported: { name: string; binding: string }[] = [];
  for (const contract of target.exports) {
    if (unexported.has(contract.name)) {
      blocks.push(dialect.module === 'esm' ? `export { ${contract.name} };\n` : `module.exports.${contract.name} = ${contract.name};\n`);
      continue;
    }
    if (!target.create && dialect.module === 'cjs' && contract.name === 'default') {
      skipped.push({ file, symbol: 'default', message: `${file} has no default export to add to: CommonJS \`module.exports\` is set by the module itself` });
      continue;
    }
    const stub = renderer.renderExport(contract);
    usesError ||= stub.usesError;
    usesValue ||= stub.usesValueStub;
    blocks.push(stub.text);
    exported.push({ name: contract.name, binding: stub.binding });
  }
  let text = before ?? '';
  if (target.members.size > 0 && before !== undefined) {
    const insertions = [...target.members].map(([className, members]) => {
      const indent = memberIndent(file, before, className);
      return { className, members: members.map((member) => renderer.renderMember(className, member, indent)) };
    });
    const inserted = insertMembers(file, before, insertions);
    for (const className of inserted.notFound)
      skipped.push({ file, symbol: className, message: `class \`${className}\` is not declared in ${file}: its members are not scaffolded` });
    if (inserted.notFound.length < insertions.length) usesError = true;
    text = inserted.text;
  }
  if (blocks.length === 0 && text === (before ?? '')) return undefined;
  const needsError = usesError && !mentioned('NotImplementedError');
  const needsValue = usesValue && !mentioned('notImplementedValue');
  const head = imports(file, dialect, errorModule, needsError, needsValue, renderer.typeNames, classOwner, mentioned);
  const exportsList = dialect.module === 'cjs' ? cjsExports(exported, target.create) : [];
  const added = [head.join('\n'), ...blocks.map((block) => block.trimEnd()), exportsList.join('\n')].filter((part) => part !== '').join('\n\n');
  const importsErrorModule = needsError || needsValue;
  if (target.create) return { file: { path: file, change: 'created', before: undefined, after: `${added}\n` }, importsErrorModule };
  const separated = text === '' ? '' : text.endsWith('\n') ? `${text}\n` : `${text}\n\n`;
  return { file: { path: file, change: 'appended', before, after: added === '' ? text : `${separated}${added}\n` }, importsErrorModule };
}

function imports(
  file: string,
  dialect: Dialect,
  errorModule: string,
  needsError: boolean,
  needsValue: boolean,
  typeNames: ReadonlySet<string>,
  classOwner: ReadonlyMap<string, string>,
  mentioned: (name: string) => boolean,
): string[] {
  const lines: string[] = [];
  const names = [...(needsError ? ['NotImplementedError'] : []), ...(needsValue ? ['notImplementedValue'] : [])];
  const specifier = importSpecifier(file, errorModule);
  if (names.length > 0) {
    lines.push(dialect.module === 'esm' ? `import { ${names.join(', ')} } from '${specifier}';` : `const { ${names.join(', ')} } = require('${specifier}');`);
  }
  if (dialect.lang !== 'ts') return lines;
  const byModule = new Map<string, string[]>();
  for (const name of [...typeNames].sort()) {
    const owner = classOwner.get(name);
    if (owner === undefined || owner === file || mentioned(name)) continue;
    byModule.set(owner, [...(byModule.get(owner) ?? []), name]);
  }
  for (const [owner, ownerNames] of byModule) lines.push(`import type { ${ownerNames.join(', ')} } from '${importSpecifier(file, owner)}';`);
  return lines;
}

/** A new CommonJS module exports its bindings in one object; an existing one gets one assignment per binding. */
function cjsExports(exported: readonly { name: string; binding: string }[], created: boolean): string[] {
  const named = exported.filter((entry) => entry.name !== 'default');
  const main = exported.find((entry) => entry.name === 'default');
  const assignments = named.map((entry) => `module.exports.${entry.name} = ${entry.binding};`);
  if (!created) return assignments;
  if (main !== undefined) return [`module.exports = ${main.binding};`, ...assignments];
  return named.length === 0 ? [] : [`module.exports = { ${named.map((entry) => entry.binding).join(', ')} };`];
}
