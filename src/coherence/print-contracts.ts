import type {
  Callable,
  ClassContract,
  ContractModel,
  ExportContract,
  MethodContract,
  ModuleContract,
  ParameterContract,
  PropertyContract,
} from './contract-model.js';

/**
 * A compact TypeScript declaration summary of what the tests expect, per module: the text model prompts and
 * `redgreen scaffold` show. A result no test uses is `void`, one nothing tells is `unknown`; expected errors
 * are trailing comments. Missing packages, conflicts and unreadable test files follow as comment lines.
 */
export function printContracts(model: ContractModel): string {
  const blocks = model.modules.map(printModule);
  const notes = [
    ...model.missingPackages.map(
      (missing) => `// missing package: ${missing.specifier} (${missing.importedBy.map((place) => `${place.file}:${place.line}`).join(', ')})`,
    ),
    ...model.conflicts.map((conflict) => `// conflict in ${conflict.file}: ${conflict.message}`),
    ...model.problems.map((problem) => `// unreadable test file: ${problem.message.split('\n')[0] ?? problem.file}`),
  ];
  if (notes.length > 0) blocks.push(notes.join('\n'));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function printModule(module: ModuleContract): string {
  const header = `// ${module.file} — ${module.exists ? 'exists' : 'missing'}; imported by ${module.importedBy.join(', ')}`;
  return [header, ...module.exports.map(printExport)].join('\n');
}

function printExport(contract: ExportContract): string {
  const isDefault = contract.name === 'default';
  const declared = isDefault ? contract.localName : contract.name;
  if (contract.kind === 'function') {
    const head = `${isDefault ? `export default function${declared === undefined ? '' : ` ${declared}`}` : `export function ${contract.name}`}${typeParameters(contract.typeParams)}`;
    const result =
      contract.result === undefined
        ? []
        : [`export interface ${contract.result.name} {`, ...contract.result.members.map((member) => `  ${printMember(member)}`), '}'];
    return [...result, `${head}${signature(contract)};${throwsNote(contract)}`].join('\n');
  }
  if (contract.kind === 'value') {
    if (!isDefault) return `export const ${contract.name}: ${contract.type};`;
    const local = declared ?? '_default';
    return `declare const ${local}: ${contract.type}; export default ${local};`;
  }
  return printClass(contract, isDefault ? `export default class${declared === undefined ? '' : ` ${declared}`}` : `export class ${contract.name}`);
}

function printClass(contract: ClassContract, head: string): string {
  const opening = `${head}${typeParameters(contract.typeParams)}${contract.extendsError ? ' extends Error' : ''}`;
  const showConstructor = !contract.extendsError || contract.constructorParams.length > 0;
  const lines = [
    ...(showConstructor ? [`  constructor(${parameters(contract.constructorParams)});`] : []),
    ...contract.members.map((member) => `  ${printMember(member)}`),
  ];
  return lines.length === 0 ? `${opening} {}` : [`${opening} {`, ...lines, '}'].join('\n');
}

function printMember(member: MethodContract | PropertyContract): string {
  const prefix = member.static ? 'static ' : '';
  if (member.kind === 'property') return `${prefix}${member.written ? '' : 'readonly '}${member.name}: ${member.type};`;
  return `${prefix}${member.name}${signature(member)};${throwsNote(member)}`;
}

function typeParameters(params: readonly string[] | undefined): string {
  return params === undefined ? '' : `<${params.join(', ')}>`;
}

function signature(callable: Callable): string {
  return `(${parameters(callable.params)}): ${callable.returns}`;
}

function parameters(params: readonly ParameterContract[]): string {
  return params.map((param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`).join(', ');
}

function throwsNote(callable: Callable): string {
  return callable.throws.length === 0 ? '' : `  // throws ${callable.throws.join(', ')}`;
}
