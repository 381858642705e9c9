import ts from 'typescript';
import { parseSource, syntaxErrors } from '../../analysis/parse.js';

/**
 * Global types every TypeScript project has (lib.es2022): a contract's type may name them freely. Any other
 * name must be declared by the module being written or imported into it, or it becomes `unknown`.
 */
const globalTypes: ReadonlySet<string> = new Set(
  (
    'Array ReadonlyArray Promise PromiseLike Map ReadonlyMap Set ReadonlySet WeakMap WeakSet Record Partial Required Readonly Pick Omit ' +
    'Exclude Extract NonNullable ReturnType Parameters Awaited InstanceType ConstructorParameters Date RegExp Error TypeError RangeError ' +
    'SyntaxError Function Object String Number Boolean Symbol BigInt Iterable Iterator IterableIterator AsyncIterable AsyncIterator ' +
    'AsyncIterableIterator Generator AsyncGenerator ArrayBuffer DataView Uint8Array Int8Array Uint16Array Int16Array Uint32Array Int32Array ' +
    'Float32Array Float64Array PropertyKey Uppercase Lowercase Capitalize Uncapitalize'
  ).split(' '),
);

/** A contract's type text made safe to write into a module, and the names it refers to that `resolve` supplied. */
export interface SafeType {
  readonly text: string;
  /** Names the text keeps because `resolve` knew them (to import, when they live in another module). */
  readonly names: ReadonlySet<string>;
}

/**
 * `text` (a contract's type) with every reference to a type nobody declares replaced by `unknown`, so a stub
 * type-checks whatever the extractor read: `Promise<User[]>` stays when `known(User)`, else becomes
 * `Promise<unknown[]>`. Text that does not parse as a type is `unknown`.
 */
export function safeType(text: string, known: (name: string) => boolean): SafeType {
  const prefix = 'type T = ';
  const source = parseSource('type.ts', `${prefix}${text};`);
  const alias = source.statements[0];
  if (syntaxErrors(source).length > 0 || source.statements.length !== 1 || alias === undefined || !ts.isTypeAliasDeclaration(alias)) {
    return { text: 'unknown', names: new Set() };
  }
  const replacements: { start: number; end: number }[] = [];
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) {
      const name = ts.isIdentifier(node.typeName) ? node.typeName.text : undefined;
      if (name === undefined || (!globalTypes.has(name) && !known(name))) {
        replacements.push({ start: node.getStart(source), end: node.getEnd() });
        return;
      }
      if (!globalTypes.has(name)) names.add(name);
    }
    // `typeof x` and `import('…')` name values we cannot see from here.
    if (ts.isTypeQueryNode(node) || ts.isImportTypeNode(node)) {
      replacements.push({ start: node.getStart(source), end: node.getEnd() });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(alias.type);
  let result = source.text;
  for (const { start, end } of replacements.sort((a, b) => b.start - a.start)) result = `${result.slice(0, start)}unknown${result.slice(end)}`;
  return { text: result.slice(prefix.length, -1).trim(), names };
}
