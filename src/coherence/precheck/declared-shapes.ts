import ts from 'typescript';

/** How many arguments a callable accepts. */
export interface ArgumentRange {
  readonly min: number;
  readonly max: number;
}

/**
 * What a module's syntax alone says of a top-level name: a function's argument range and whether it may return
 * a Promise; a class's constructor range and member names. `open` when something the syntax cannot see may add
 * members (an `extends` clause, an index signature): then no member counts as missing.
 */
export type DeclaredShape =
  | { readonly kind: 'function'; readonly range: ArgumentRange; readonly mayReturnPromise: boolean }
  | { readonly kind: 'class'; readonly constructorRange: ArgumentRange; readonly members: ReadonlySet<string>; readonly open: boolean };

/** The shapes of a module's top-level functions, arrow constants and classes, by name (exported or not: the name check is elsewhere). */
export function readDeclaredShapes(source: ts.SourceFile): ReadonlyMap<string, DeclaredShape> {
  const shapes = new Map<string, DeclaredShape>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined)
      shapes.set(statement.name.text, functionShape(statement, source));
    else if (ts.isClassDeclaration(statement) && statement.name !== undefined) shapes.set(statement.name.text, classShape(statement));
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && value !== undefined && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)))
          shapes.set(declaration.name.text, functionShape(value, source));
      }
    }
  }
  return shapes;
}

function functionShape(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile): DeclaredShape {
  const isAsync = (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
  // Without `async` or an annotation, a body that mentions promises may still return one: the full check decides.
  const said = fn.type === undefined ? (fn.body?.getText(source) ?? '') : fn.type.getText(source);
  return { kind: 'function', range: rangeOf(fn.parameters), mayReturnPromise: isAsync || /\bPromise(Like)?\b|\.then\(|\bthenable\b/i.test(said) };
}

function classShape(declaration: ts.ClassDeclaration): DeclaredShape {
  const members = new Set<string>();
  let constructorRange: ArgumentRange = { min: 0, max: 0 };
  let open = declaration.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword) === true;
  for (const member of declaration.members) {
    if (ts.isConstructorDeclaration(member)) {
      constructorRange = rangeOf(member.parameters);
      for (const parameter of member.parameters) {
        if (ts.getModifiers(parameter)?.length && ts.isIdentifier(parameter.name)) members.add(parameter.name.text);
      }
    } else if (ts.isIndexSignatureDeclaration(member)) open = true;
    else if (member.name !== undefined && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isPrivateIdentifier(member.name)))
      members.add(member.name.text);
    else if (member.name !== undefined) open = true;
  }
  // A class with an `extends` clause may take any constructor arguments its base takes.
  return { kind: 'class', constructorRange: open && !declaration.members.some(ts.isConstructorDeclaration) ? anyArguments : constructorRange, members, open };
}

const anyArguments: ArgumentRange = { min: 0, max: Number.POSITIVE_INFINITY };

function rangeOf(parameters: readonly ts.ParameterDeclaration[]): ArgumentRange {
  const real = parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === 'this'));
  const rest = real.some((parameter) => parameter.dotDotDotToken !== undefined);
  const min = real.filter(
    (parameter) => parameter.dotDotDotToken === undefined && parameter.questionToken === undefined && parameter.initializer === undefined,
  ).length;
  return { min, max: rest ? Number.POSITIVE_INFINITY : real.length };
}
