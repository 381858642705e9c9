import ts from 'typescript';
import { runtimePreamble } from '../runtime.js';
import type { StatementSite } from '../types.js';
import { applyInsertions, type Insertion } from './insertions.js';
import { parseSource } from '../../analysis/parse.js';
import { hasDeclareModifier, isDirective, isFunctionWithBody, isInertStatement, isLoop, isSuperCallStatement } from './statement-kinds.js';

/** An instrumented file and the statements it reports. */
export interface InstrumentResult {
  readonly text: string;
  readonly sites: StatementSite[];
}

/**
 * Inserts `__rg.cov(id);` before every executable statement inside functions (arrow expression bodies and
 * class field initializers become `(__rg.cov(id), expr)`), `__rg.tick();` at the top of every function and
 * loop body, and the runtime preamble after the file's directives. Text is inserted, never reprinted, so
 * formatting and line numbers survive; unbraced single-statement bodies get braces.
 */
export function instrumentCoverage(file: string, text: string, firstId: number): InstrumentResult {
  const sourceFile = parseSource(file, text);
  const insertions: Insertion[] = [];
  const sites: StatementSite[] = [];
  let seq = 0;
  const insert = (pos: number, inserted: string, close = false): void => {
    insertions.push({ pos, text: inserted, close, seq: seq++ });
  };
  const addSite = (node: ts.Node): number => {
    const start = node.getStart(sourceFile);
    const id = firstId + sites.length;
    const line = sourceFile.getLineAndCharacterOfPosition(start).line + 1;
    const endLine = sourceFile.getLineAndCharacterOfPosition(node.end).line + 1;
    sites.push({ id, file, line, endLine, start, end: node.end });
    return id;
  };

  const visitList = (statements: ts.NodeArray<ts.Statement>): void => {
    for (const statement of statements) {
      if (!isInertStatement(statement) && !isDirective(statement) && !isSuperCallStatement(statement)) {
        insert(statement.getStart(sourceFile), `__rg.cov(${addSite(statement)}); `);
      }
      visit(statement, true);
    }
  };

  /** A statement in a single-statement position (`if (x) return y;`): braces make room for the counters. */
  const visitBody = (body: ts.Statement, loop: boolean): void => {
    if (ts.isBlock(body)) {
      if (loop) insert(body.getStart(sourceFile) + 1, ' __rg.tick();');
      visit(body, true);
      return;
    }
    const counted = !isInertStatement(body) && !isDirective(body);
    insert(body.getStart(sourceFile), `{ ${loop ? '__rg.tick(); ' : ''}${counted ? `__rg.cov(${addSite(body)}); ` : ''}`);
    insert(body.end, ' }', true);
    visit(body, true);
  };

  const visitFunctionBody = (body: ts.Block): void => {
    let prologueEnd = body.getStart(sourceFile) + 1;
    for (const statement of body.statements) {
      if (!isDirective(statement) && !isSuperCallStatement(statement)) break;
      prologueEnd = statement.end;
    }
    // A directive or `super()` may lack its semicolon: `;` keeps the inserted call a statement of its own.
    insert(prologueEnd, /[{;]$/.test(text.slice(prologueEnd - 1, prologueEnd)) ? ' __rg.tick();' : '; __rg.tick();');
    visitList(body.statements);
  };

  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isTypeNode(node) || hasDeclareModifier(node)) return;
    if (isFunctionWithBody(node)) {
      for (const parameter of node.parameters) visit(parameter, true);
      if (ts.isBlock(node.body)) {
        visitFunctionBody(node.body);
      } else {
        insert(node.body.getStart(sourceFile), `(__rg.tick(), __rg.cov(${addSite(node.body)}), `);
        insert(node.body.end, ')', true);
        visit(node.body, true);
      }
      return;
    }
    if (ts.isClassStaticBlockDeclaration(node)) {
      visitFunctionBody(node.body);
      return;
    }
    if (ts.isPropertyDeclaration(node) && node.initializer) {
      insert(node.initializer.getStart(sourceFile), `(__rg.cov(${addSite(node.initializer)}), `);
      insert(node.initializer.end, ')', true);
      visit(node.initializer, true);
      return;
    }
    if (!inFunction) {
      ts.forEachChild(node, (child) => visit(child, false));
      return;
    }
    if (ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      if (ts.isCaseClause(node)) visit(node.expression, true);
      visitList(node.statements);
    } else if (ts.isIfStatement(node)) {
      visit(node.expression, true);
      visitBody(node.thenStatement, false);
      if (node.elseStatement) visitBody(node.elseStatement, false);
    } else if (isLoop(node)) {
      ts.forEachChild(node, (child) => (child === node.statement ? visitBody(node.statement, true) : visit(child, true)));
    } else if (ts.isWithStatement(node)) {
      visit(node.expression, true);
      visitBody(node.statement, false);
    } else {
      ts.forEachChild(node, (child) => visit(child, true));
    }
  };

  visit(sourceFile, false);
  const preambleAt = preamblePosition(sourceFile);
  const semicolon = preambleAt.afterDirective && !text.slice(0, preambleAt.pos).endsWith(';');
  insert(preambleAt.pos, `${semicolon ? ';' : ''} ${runtimePreamble} `);
  return { text: applyInsertions(text, insertions), sites };
}

/** After the file's directives (`'use strict'`), else before the first statement (after shebang and comments). */
function preamblePosition(sourceFile: ts.SourceFile): { pos: number; afterDirective: boolean } {
  let directivesEnd: number | undefined;
  for (const statement of sourceFile.statements) {
    if (!isDirective(statement)) break;
    directivesEnd = statement.end;
  }
  if (directivesEnd !== undefined) return { pos: directivesEnd, afterDirective: true };
  const first = sourceFile.statements[0];
  return { pos: first ? first.getStart(sourceFile) : sourceFile.end, afterDirective: false };
}
