import ts from 'typescript';

const testCallees = new Set(['it', 'test', 'specify']);

/**
 * The names of the functions a test calls, read from the body of the `it`/`test` call titled `title` (the last
 * part of the test's full name); every call in the file when that test cannot be found. Pure.
 */
export function calledInTest(file: string, testText: string, title: string): Set<string> {
  const source = ts.createSourceFile(file, testText, ts.ScriptTarget.Latest, true);
  let body: ts.Node | undefined;
  const find = (node: ts.Node): void => {
    if (body !== undefined) return;
    if (ts.isCallExpression(node) && isTestCall(node.expression) && titleOf(node) === title) {
      body = node.arguments[1];
      return;
    }
    ts.forEachChild(node, find);
  };
  find(source);
  const names = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee)) names.add(callee.text);
      else if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(body ?? source);
  return names;
}

function isTestCall(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return testCallees.has(callee.text);
  // it.only, test.each(...)(...) and the like are rare in a failing run; `it.only` is worth reading.
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && testCallees.has(callee.expression.text);
}

function titleOf(call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  return first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}
