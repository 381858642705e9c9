import type ts from 'typescript';
import type { ScopeVariable } from './scope.js';

/**
 * One replacement a mutator or template proposes, in the original text of the file being mutated. The range
 * is a whole expression node (`expression`) or whole statements (`statement`; an empty range inserts
 * statements), never a bare token, so mutant schemata can switch it with a ternary or an if/else.
 */
export interface MutantChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly node: 'expression' | 'statement';
  /** Human words, e.g. "`<` → `<=`". */
  readonly description: string;
}

/** What a generator may look at besides the node: the file and the variables visible at a node. */
export interface MutationContext {
  readonly sourceFile: ts.SourceFile;
  /** Variables, parameters and functions visible at `node`, innermost first, with a rough type guess. */
  variablesAt(node: ts.Node): readonly ScopeVariable[];
  /** Optional checker when a Program is at hand; generators must work without it. */
  readonly checker?: ts.TypeChecker;
}

/**
 * A mutator (rewrites code that is there) or repair template (adds code): a plain object with a generator.
 * `prior` is the initial guess of how often an edit of this kind is the fix for a real bug — hand-set from
 * the program-repair literature and experience (off-by-one and boundary bugs are common, duplicated
 * statements rare); a learning component will tune these from outcomes.
 */
export interface Mutator {
  /** Kebab-case, stable: journals and the learning component key on it. */
  readonly name: string;
  readonly kind: 'mutator' | 'template';
  /** Initial probability-like weight in (0, 1]; candidates are tried by suspiciousness × prior. */
  readonly prior: number;
  /** Changes for `node` (called for every node of a suspicious statement, the statement itself included). */
  generate(node: ts.Node, context: MutationContext): Iterable<MutantChange>;
}
