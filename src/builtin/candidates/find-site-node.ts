import ts from 'typescript';
import type { StatementSite } from '../types.js';

/** The outermost statement or expression spanning exactly the site's range (a statement before its expression). */
export function findSiteNode(sourceFile: ts.SourceFile, site: Pick<StatementSite, 'start' | 'end'>): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.pos > site.start || node.end < site.end) return;
    if (node.end === site.end && node.getStart(sourceFile) === site.start && (ts.isStatement(node) || ts.isExpression(node))) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
