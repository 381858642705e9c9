import ts from 'typescript';
import { isInertStatement } from '../localize/statement-kinds.js';
import type { Mutator } from './mutator.js';
import { isDeclarationStatement } from './switchable.js';

/** Statements whose parent holds a list of them (a block, a case clause), where `''` removes one cleanly. */
export function isInStatementList(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isStatement(node) &&
    !!parent &&
    (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent))
  );
}

/** A statement that can be deleted, duplicated or moved: it executes and declares nothing later code needs. */
export function isMovableStatement(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) && !ts.isBlock(node) && !isInertStatement(node) && !isDeclarationStatement(node) && !ts.isLabeledStatement(node.parent);
}

/** The statement removed (`''` in a list; `{}` as a single-statement body, so the next statement stays outside). */
export const statementDeletion: Mutator = {
  name: 'statement-deletion',
  kind: 'mutator',
  prior: 0.08,
  *generate(node) {
    if (!isMovableStatement(node) || !node.parent || ts.isSourceFile(node.parent)) return;
    yield { start: node.getStart(), end: node.end, text: isInStatementList(node) ? '' : '{}', node: 'statement', description: 'statement deleted' };
  },
};

/** An expression statement run twice (`i++; i++;`, a push done twice): rarely the fix, so a low prior. */
export const statementDuplication: Mutator = {
  name: 'statement-duplication',
  kind: 'mutator',
  prior: 0.02,
  *generate(node) {
    if (!ts.isExpressionStatement(node) || !isMovableStatement(node) || ts.isSourceFile(node.parent)) return;
    const text = node.getText();
    const separator = text.endsWith(';') ? ' ' : '; ';
    const twice = `${text}${separator}${text}`;
    yield {
      start: node.getStart(),
      end: node.end,
      text: isInStatementList(node) ? twice : `{ ${twice} }`,
      node: 'statement',
      description: 'statement duplicated',
    };
  },
};

/** A statement swapped with the next one in its list (order of update and use). */
export const statementSwap: Mutator = {
  name: 'statement-swap',
  kind: 'mutator',
  prior: 0.06,
  *generate(node) {
    if (!isInStatementList(node) || !isMovableStatement(node) || ts.isSourceFile(node.parent)) return;
    const siblings = (node.parent as ts.Block).statements;
    const next = siblings[siblings.indexOf(node) + 1];
    if (!next || !isMovableStatement(next)) return;
    const sourceFile = node.getSourceFile();
    const between = sourceFile.text.slice(node.end, next.getStart(sourceFile));
    // A statement that relied on ASI before a newline may now stand before other code on its line.
    const first = /[;}]$/.test(next.getText()) || between.includes('\n') ? next.getText() : `${next.getText()};`;
    yield {
      start: node.getStart(sourceFile),
      end: next.end,
      text: `${first}${between}${node.getText()}`,
      node: 'statement',
      description: 'statement swapped with the next one',
    };
  },
};
