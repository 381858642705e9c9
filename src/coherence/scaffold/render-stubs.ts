import type {
  ClassContract,
  ExportContract,
  FunctionContract,
  MethodContract,
  ParameterContract,
  PropertyContract,
  ResultInterface,
  ValueContract,
} from '../contract-model.js';
import type { Dialect } from './dialect.js';
import { memberKey, parameterNames } from './identifiers.js';
import { safeType } from './type-text.js';

/** A string literal in single quotes, as most formatters write them. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** What a stub needs to know about the module it is written into. */
export interface RenderContext {
  readonly dialect: Dialect;
  /** Whether a type name may be written (declared in this module, or imported from another one). */
  readonly knownType: (name: string) => boolean;
  /** The name a default export gets in this module (from its file name). */
  readonly defaultName: string;
}

/** A stub's text and what it needs from the rest of the module. */
export interface RenderedStub {
  readonly text: string;
  /** The binding it declares (for CommonJS exports lists): `fetchUsers`; the file-derived name for `default`. */
  readonly binding: string;
  /** Type names of other modules it writes (imported by the caller). */
  readonly typeNames: ReadonlySet<string>;
  /** It uses `notImplementedValue` (a value stub), besides or instead of `NotImplementedError`. */
  readonly usesValueStub: boolean;
  /** It throws `NotImplementedError`. */
  readonly usesError: boolean;
}

/** Builds stubs, collecting the type names they use; one per module being written. */
export function createStubRenderer(context: RenderContext) {
  const typeNames = new Set<string>();
  const ts = context.dialect.lang === 'ts';
  const exportKeyword = context.dialect.module === 'esm' ? 'export ' : '';

  /** The type parameters of the class or function being rendered: its types may name them (TypeScript only; JavaScript reads them as `unknown`). */
  let typeParams: ReadonlySet<string> = new Set();
  const type = (text: string): string => {
    const safe = safeType(text, (name) => typeParams.has(name) || context.knownType(name));
    for (const name of safe.names) typeNames.add(name);
    return safe.text;
  };
  /**
   * A stub the tests await is not `async`: it returns a Promise type but throws at the call, so the test fails on
   * `not implemented: <symbol>` itself rather than on a `.resolves`/`.rejects` expectation that truncates or
   * matches the rejection.
   */
  const resultType = (callable: Pick<FunctionContract, 'returns' | 'async'>): string => {
    const result = type(callable.returns);
    return callable.async && !/^Promise</.test(result) ? `Promise<${result}>` : result;
  };
  /** Parameters once optional stay optional: TypeScript refuses a required one after an optional one. */
  const params = (list: readonly ParameterContract[]): { name: string; type: string; optional: boolean }[] => {
    const names = parameterNames(list.map((param) => param.name));
    let optional = false;
    return list.map((param, index) => {
      optional ||= param.optional;
      return { name: names[index] ?? `arg${index + 1}`, type: type(param.type), optional };
    });
  };
  const paramList = (list: ReturnType<typeof params>): string =>
    list.map((param) => (ts ? `${param.name}${param.optional ? '?' : ''}: ${param.type}` : param.name)).join(', ');
  const jsDoc = (indent: string, list: ReturnType<typeof params>, returns: string | undefined): string[] => {
    if (ts) return [];
    const tags = [
      ...list.map((param) => `@param {${param.type}} ${param.optional ? `[${param.name}]` : param.name}`),
      // `unknown` says nothing a reader or the checker could use.
      ...(returns === undefined || returns === 'unknown' ? [] : [`@returns {${returns}}`]),
    ];
    return tags.length === 0 ? [] : [`${indent}/**`, ...tags.map((tag) => `${indent} * ${tag}`), `${indent} */`];
  };
  /**
   * An error class's `instanceof` rethrows a NotImplementedError: a test's `toThrow(TheError)` then fails on the
   * stub that threw it (`not implemented: Stack.pop`) rather than on "expected error to be instance of TheError".
   */
  const instanceCheck = (indent: string): string[] => [
    `${indent}/** Until nothing is stubbed: an expected error that is a NotImplementedError fails the test with the stub's message.${ts ? '' : ' @param {unknown} value @returns {boolean}'} */`,
    `${indent}static [Symbol.hasInstance](value${ts ? ': unknown' : ''})${ts ? ': boolean' : ''} {`,
    `${indent}  if (value instanceof NotImplementedError) throw value;`,
    `${indent}  return Function.prototype[Symbol.hasInstance].call(this, value);`,
    `${indent}}`,
  ];
  const throwing = (indent: string, symbol: string): string => `${indent}  throw new NotImplementedError(${quoted(symbol)});`;

  const renderFunction = (contract: FunctionContract): RenderedStub => {
    const isDefault = contract.name === 'default';
    const binding = isDefault ? context.defaultName : contract.name;
    const result = contract.result === undefined ? [] : [...renderResultInterface(contract.result), ''];
    typeParams = new Set(ts ? contract.typeParams : []);
    const list = params(contract.params);
    const returns = resultType(contract);
    typeParams = new Set();
    const generic = ts && contract.typeParams !== undefined ? `<${contract.typeParams.join(', ')}>` : '';
    const head = `${isDefault && exportKeyword !== '' ? 'export default ' : exportKeyword}function ${binding}${generic}(${paramList(list)})`;
    const lines = [...result, ...jsDoc('', list, returns), `${head}${ts ? `: ${returns}` : ''} {`, throwing('', binding), '}'];
    return stub(lines, binding, { usesError: true });
  };

  /** The members the tests use on a function's result: an interface, or a JSDoc typedef in JavaScript. */
  const renderResultInterface = (result: ResultInterface): string[] => {
    const typedParams = (member: MethodContract): string =>
      params(member.params)
        .map((param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`)
        .join(', ');
    if (!ts) {
      const properties = result.members.map((member) =>
        member.kind === 'property'
          ? ` * @property {${type(member.type)}} ${member.name}`
          : ` * @property {(${typedParams(member)}) => ${resultType(member)}} ${member.name}`,
      );
      return ['/**', ` * @typedef {object} ${result.name}`, ...properties, ' */'];
    }
    const members = result.members.map((member) =>
      member.kind === 'property'
        ? `  ${member.written ? '' : 'readonly '}${memberKey(member.name)}: ${type(member.type)};`
        : `  ${memberKey(member.name)}(${typedParams(member)}): ${resultType(member)};`,
    );
    return [`${exportKeyword}interface ${result.name} {`, ...members, '}'];
  };

  const renderMember = (className: string, member: MethodContract | PropertyContract, indent: string): string[] => {
    const symbol = `${className}.${member.name}`;
    const key = memberKey(member.name);
    const isStatic = member.static ? 'static ' : '';
    if (member.kind === 'method') {
      const list = params(member.params);
      const returns = resultType(member);
      const head = `${indent}${isStatic}${key}(${paramList(list)})${ts ? `: ${returns}` : ''} {`;
      return [...jsDoc(indent, list, returns), head, throwing(indent, symbol), `${indent}}`];
    }
    const valueType = type(member.type);
    const getter = [
      ...(ts ? [] : [`${indent}/** @returns {${valueType}} */`]),
      `${indent}${isStatic}get ${key}()${ts ? `: ${valueType}` : ''} {`,
      throwing(indent, symbol),
      `${indent}}`,
    ];
    if (!member.written) return getter;
    const setter = [
      ...(ts ? [] : [`${indent}/** @param {${valueType}} value */`]),
      `${indent}${isStatic}set ${key}(value${ts ? `: ${valueType}` : ''}) {`,
      throwing(indent, symbol),
      `${indent}}`,
    ];
    return [...getter, '', ...setter];
  };

  const renderClass = (contract: ClassContract): RenderedStub => {
    const isDefault = contract.name === 'default';
    const binding = isDefault ? context.defaultName : contract.name;
    const indent = '  ';
    const body: string[][] = [];
    typeParams = new Set(ts ? contract.typeParams : []);
    const list = params(contract.constructorParams);
    if (contract.extendsError) {
      // An error class the tests expect is real code, not a stub: it is thrown and matched by name.
      const messageParam = list.length === 0 ? [{ name: 'message', type: 'string', optional: true }] : list;
      const first = messageParam[0];
      const passes = first !== undefined && first.type === 'string' ? first.name : '';
      body.push(instanceCheck(indent), [
        ...jsDoc(indent, messageParam, undefined),
        `${indent}constructor(${paramList(messageParam)}) {`,
        `${indent}  super(${passes});`,
        `${indent}  this.name = ${quoted(binding)};`,
        `${indent}}`,
      ]);
    } else if (list.length > 0) {
      // The constructor only takes what the tests pass: the methods name what is missing when they are called.
      body.push([
        ...jsDoc(indent, list, undefined),
        `${indent}constructor(${paramList(list)}) {`,
        `${indent}  // not implemented: ${binding}.constructor`,
        `${indent}}`,
      ]);
    }
    const inherited = contract.extendsError ? new Set(['name', 'message', 'stack', 'cause']) : new Set<string>();
    const members = contract.members.filter((member) => !inherited.has(member.name));
    for (const member of members) body.push(renderMember(binding, member, indent));
    typeParams = new Set();
    const generic = ts && contract.typeParams !== undefined ? `<${contract.typeParams.join(', ')}>` : '';
    const head = `${isDefault && exportKeyword !== '' ? 'export default ' : exportKeyword}class ${binding}${generic}${contract.extendsError ? ' extends Error' : ''} {`;
    const lines = [head, ...body.flatMap((block, index) => (index === 0 ? block : ['', ...block])), '}'];
    return stub(lines, binding, { usesError: contract.extendsError || members.length > 0 });
  };

  const renderValue = (contract: ValueContract): RenderedStub => {
    const binding = contract.name === 'default' ? context.defaultName : contract.name;
    const valueType = type(contract.type);
    const declaration = ts
      ? `const ${binding}: ${valueType} = notImplementedValue<${valueType}>(${quoted(binding)});`
      : `const ${binding} = notImplementedValue(${quoted(binding)});`;
    const lines = [
      ...(ts ? [] : [`/** @type {${valueType}} */`]),
      `${exportKeyword}${declaration}`,
      ...(contract.name === 'default' && exportKeyword !== '' ? [`export default ${binding};`] : []),
    ];
    return stub(lines, binding, { usesValueStub: true });
  };

  const stub = (lines: readonly string[], binding: string, uses: { usesError?: boolean; usesValueStub?: boolean }): RenderedStub => ({
    text: `${lines.join('\n')}\n`,
    binding,
    typeNames,
    usesError: uses.usesError === true,
    usesValueStub: uses.usesValueStub === true,
  });

  return {
    /** A whole export: a function, a class (an error class in full), or a value that throws when used. */
    renderExport(contract: ExportContract): RenderedStub {
      if (contract.kind === 'function') return renderFunction(contract);
      if (contract.kind === 'class') return renderClass(contract);
      return renderValue(contract);
    },
    /** One member for an existing class body, its lines indented by `indent`. */
    renderMember(className: string, member: MethodContract | PropertyContract, indent: string): string {
      return `${renderMember(className, member, indent).join('\n')}\n`;
    },
    /** Every type name of other modules the stubs rendered so far wrote. */
    typeNames: typeNames as ReadonlySet<string>,
  };
}
