import ts from 'typescript';

/** One parameter of a `describe.each` / `it.each` / `test.each` callback and the table cells it receives. */
export interface TableParameter {
  readonly name: ts.Identifier;
  readonly cells: readonly ts.Expression[];
}

const eachOwners = new Set(['describe', 'it', 'test', 'suite']);

/**
 * The callback parameters of the `.each` tables of a file with the cells each one takes: columns of an
 * array-of-arrays, properties of an array-of-objects (destructured), the values of a list, or the columns of
 * a template-literal table (`a | b | expected` over `${1} | ${2} | ${3}` rows).
 */
export function collectTableParameters(source: ts.SourceFile): TableParameter[] {
  const found: TableParameter[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const table = eachTableOf(node.expression);
      const callback = node.arguments.find((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
      if (table !== undefined && callback !== undefined) found.push(...parametersFor(table, callback as ts.ArrowFunction | ts.FunctionExpression));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The table of `it.each(table)` / `it.each\`…\`` (also `.only` / `.skip` / `.concurrent` in between). */
function eachTableOf(callee: ts.Expression): ts.ArrayLiteralExpression | ts.TaggedTemplateExpression | undefined {
  let each: ts.Expression | undefined;
  let table: ts.ArrayLiteralExpression | ts.TaggedTemplateExpression | undefined;
  if (ts.isCallExpression(callee) && callee.arguments.length === 1 && ts.isArrayLiteralExpression(callee.arguments[0]!)) {
    each = callee.expression;
    table = callee.arguments[0];
  } else if (ts.isTaggedTemplateExpression(callee)) {
    each = callee.tag;
    table = callee;
  }
  if (each === undefined || !ts.isPropertyAccessExpression(each) || each.name.text !== 'each') return undefined;
  let owner = each.expression;
  while (ts.isPropertyAccessExpression(owner)) owner = owner.expression;
  return ts.isIdentifier(owner) && eachOwners.has(owner.text) ? table : undefined;
}

function parametersFor(table: ts.ArrayLiteralExpression | ts.TaggedTemplateExpression, callback: ts.ArrowFunction | ts.FunctionExpression): TableParameter[] {
  const rows = ts.isArrayLiteralExpression(table) ? table.elements : [];
  const first = callback.parameters[0];
  if (first === undefined) return [];
  if (ts.isTaggedTemplateExpression(table)) return ts.isObjectBindingPattern(first.name) ? byProperty(first.name, templateRows(table)) : [];
  if (rows.every(ts.isArrayLiteralExpression)) {
    return callback.parameters.flatMap((parameter, index) =>
      ts.isIdentifier(parameter.name) ? [{ name: parameter.name, cells: rows.flatMap((row) => (row as ts.ArrayLiteralExpression).elements[index] ?? []) }] : [],
    );
  }
  if (rows.every(ts.isObjectLiteralExpression) && ts.isObjectBindingPattern(first.name)) {
    return byProperty(
      first.name,
      rows.map((row) => cellsOfObject(row as ts.ObjectLiteralExpression)),
    );
  }
  if (ts.isIdentifier(first.name)) return [{ name: first.name, cells: rows }];
  return [];
}

function byProperty(pattern: ts.ObjectBindingPattern, rows: readonly ReadonlyMap<string, ts.Expression>[]): TableParameter[] {
  return pattern.elements.flatMap((element) => {
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(element.name) || !ts.isIdentifier(key)) return [];
    return [{ name: element.name, cells: rows.flatMap((row) => row.get(key.text) ?? []) }];
  });
}

function cellsOfObject(row: ts.ObjectLiteralExpression): Map<string, ts.Expression> {
  const cells = new Map<string, ts.Expression>();
  for (const property of row.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
      cells.set(property.name.text, property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) cells.set(property.name.text, property.name);
  }
  return cells;
}

/** The rows of a template-literal table: header names from the first line, then one cell per `${…}` in order. */
function templateRows(table: ts.TaggedTemplateExpression): Map<string, ts.Expression>[] {
  const template = table.template;
  if (!ts.isTemplateExpression(template)) return [];
  const header = template.head.text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  const columns = (header ?? '').split('|').map((column) => column.trim());
  if (columns.some((column) => column === '')) return [];
  const rows: Map<string, ts.Expression>[] = [];
  template.templateSpans.forEach((span, index) => {
    if (index % columns.length === 0) rows.push(new Map());
    rows[rows.length - 1]!.set(columns[index % columns.length]!, span.expression);
  });
  return rows;
}
