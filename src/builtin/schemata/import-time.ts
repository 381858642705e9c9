import ts from 'typescript';

/**
 * Whether a change at `start`–`end` runs when its module loads rather than when a function is called: it is
 * not inside any function body (module-level code, class field initializers and static blocks count as
 * module-level). Such a candidate cannot share a module instance with other candidates.
 */
export function runsAtImport(source: ts.SourceFile, start: number, end: number): boolean {
  let inside = false;
  const visit = (node: ts.Node): void => {
    if (inside || node.getStart(source) > start || node.end < end) return;
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const body = node.body as ts.Node;
      if (body.getStart(source) <= start && end <= body.end) {
        inside = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return !inside;
}
