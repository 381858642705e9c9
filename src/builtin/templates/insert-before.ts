import type ts from 'typescript';
import type { MutantChange } from '../mutators/mutator.js';
import { isInStatementList } from '../mutators/statements.js';

/**
 * Puts `code` (whole statements) before `statement`: a zero-width insertion in a statement list (so a
 * following `const` stays in scope under mutant schemata), or `{ code statement }` in a single-statement slot.
 */
export function insertBefore(statement: ts.Statement, code: string, description: string): MutantChange {
  const start = statement.getStart();
  if (isInStatementList(statement)) return { start, end: start, text: `${code} `, node: 'statement', description };
  return { start, end: statement.end, text: `{ ${code} ${statement.getText()} }`, node: 'statement', description };
}

/** Puts `code` after the last statement of `block` (before its closing brace). */
export function insertAtEnd(block: ts.Block, code: string, description: string): MutantChange {
  const last = block.statements[block.statements.length - 1];
  const at = last ? last.end : block.end - 1;
  return { start: at, end: at, text: ` ${code}`, node: 'statement', description };
}
