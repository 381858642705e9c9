import ts from 'typescript';
import { parseSource } from '../../analysis/parse.js';
import { runtimePreamble } from '../runtime.js';

/** Text to insert at an offset of the original text; equal offsets keep the order they were listed in. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

export const tickCall = '__rg.tick();';

/**
 * Where `__rg.tick()` goes so that a looping candidate meets the hit counter: the top of every function body
 * and every loop body. Expression-bodied arrows become `(__rg.tick(), body)`; a loop body that is not a block
 * becomes `{ __rg.tick(); body }`. Opening texts precede the node's children and closing texts follow them, so
 * sorting stably by offset nests them correctly.
 */
export function tickInsertions(source: ts.SourceFile): Insertion[] {
  const insertions: Insertion[] = [];
  const visit = (node: ts.Node): void => {
    const closes: Insertion[] = [];
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const body = node.body as ts.Node;
      if (ts.isBlock(body)) insertions.push({ at: body.getStart(source) + 1, text: tickCall });
      else {
        insertions.push({ at: body.getStart(source), text: '(__rg.tick(), ' });
        closes.push({ at: body.end, text: ')' });
      }
    }
    if (ts.isIterationStatement(node, false)) {
      const body = node.statement;
      if (ts.isBlock(body)) insertions.push({ at: body.getStart(source) + 1, text: tickCall });
      else {
        insertions.push({ at: body.getStart(source), text: `{ ${tickCall} ` });
        closes.push({ at: body.end, text: ' }' });
      }
    }
    ts.forEachChild(node, visit);
    insertions.push(...closes.reverse());
  };
  visit(source);
  return stableSortByOffset(insertions);
}

export function stableSortByOffset<T extends { readonly at: number }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.at - b.item.at || a.index - b.index)
    .map(({ item }) => item);
}

/** Applies insertions to a text: each goes at its offset, in the given order for equal offsets. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let out = '';
  let pos = 0;
  for (const insertion of stableSortByOffset(insertions)) {
    out += text.slice(pos, insertion.at) + insertion.text;
    pos = insertion.at;
  }
  return out + text.slice(pos);
}

/** The offset after a shebang line and the directive prologue ('use strict'), where the preamble goes. */
export function preambleOffset(source: ts.SourceFile): number {
  let offset = source.text.startsWith('#!') ? source.text.indexOf('\n') + 1 || source.text.length : 0;
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    offset = statement.end;
  }
  return offset;
}

/** The preamble insertion; kept on the first line so that line numbers in stack traces do not move. */
export function preambleInsertion(source: ts.SourceFile): Insertion {
  const at = preambleOffset(source);
  if (at === 0) return { at, text: runtimePreamble };
  // `'use strict'` without a semicolon would run into the preamble: `'use strict' var __rg = …` does not parse.
  const afterDirective = source.statements.length > 0 && at === source.statements.find((s) => s.end === at)?.end;
  const terminated = source.text.slice(0, at).trimEnd().endsWith(';');
  return { at, text: `${afterDirective && !terminated ? ';' : ''} ${runtimePreamble}` };
}

const snippetPrefix = { statement: 'async function* __rg_snippet__() {\n', expression: 'async function* __rg_snippet__() { return (\n' } as const;
const snippetSuffix = { statement: '\n}', expression: '\n); }' } as const;

/**
 * A replacement text with ticks in its own functions and loops (a candidate may bring the loop that hangs).
 * The text is parsed inside a wrapper function so that `return`, `yield` and `await` parse.
 */
export function tickSnippet(fileName: string, text: string, node: 'expression' | 'statement'): string {
  const prefix = snippetPrefix[node];
  const wrapper = parseSource(fileName, prefix + text + snippetSuffix[node]);
  // the wrapper's own body tick sits before the prefix's end and is left out
  const inside = tickInsertions(wrapper).filter((insertion) => insertion.at >= prefix.length && insertion.at <= prefix.length + text.length);
  return applyInsertions(
    text,
    inside.map((insertion) => ({ at: insertion.at - prefix.length, text: insertion.text })),
  );
}
