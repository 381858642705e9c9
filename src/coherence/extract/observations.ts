import type { Evidence } from '../contract-model.js';

/**
 * The raw readings of one walk over the tests, before merging (merge-observations.ts): one record per use of
 * an imported name, each with the place it was read from. Mutable while the walk fills them in.
 */

/** What an assertion says of a value: an exact type, or a hint that only counts when nothing exact is known. */
export type ResultHint =
  | { readonly kind: 'exact'; readonly type: string; readonly evidence: Evidence }
  | { readonly kind: 'boolean'; readonly evidence: Evidence }
  | { readonly kind: 'nullable'; readonly type: 'null' | 'undefined'; readonly evidence: Evidence }
  | { readonly kind: 'length'; readonly evidence: Evidence }
  | { readonly kind: 'contains'; readonly element: string; readonly evidence: Evidence }
  | { readonly kind: 'object'; readonly type: string; readonly evidence: Evidence };

/** How a test treats the value an expression yields (a call's result, a property read). */
export interface ValueUse {
  /** The value is consumed (assigned, asserted, passed on), not dropped in an expression statement. */
  used: boolean;
  /** It is awaited (`await`, `.resolves`, `.rejects`, `.then`). */
  awaited: boolean;
  /** Error class names it is expected to throw or reject with. */
  readonly throws: string[];
  readonly hints: ResultHint[];
}

/** One argument as a test passes it. */
export interface ArgumentReading {
  /** The identifier passed (`items`), when it is one. */
  readonly name?: string;
  /** Widened type text; `unknown` when nothing tells. */
  readonly type: string;
}

/** One call (or `new`) of an imported function, class or member: its arguments, where it is, and how its result is treated. */
export interface CallReading extends ValueUse {
  readonly args: readonly ArgumentReading[];
  /** Explicit type arguments as written (`new Stack<number>()` → `number`). */
  readonly typeArgs?: readonly string[];
  readonly evidence: Evidence;
}

/** A use of an imported name or of one of its members. */
export type Use =
  | ({ readonly kind: 'call' } & CallReading)
  | ({ readonly kind: 'new' } & CallReading)
  | ({ readonly kind: 'method'; readonly member: string; readonly static: boolean } & CallReading)
  | ({
      readonly kind: 'property';
      readonly member: string;
      readonly static: boolean;
      written: boolean;
      readonly writtenTypes: string[];
      readonly evidence: Evidence;
    } & ValueUse)
  /** Matched as a thrown error (`toThrow(X)`) or an instance type (`toBeInstanceOf(X)`). */
  | { readonly kind: 'class-reference'; readonly error: boolean; readonly evidence: Evidence }
  /** Passed uncalled to a throw expectation (`expect(f).toThrow(X)`, `assert.throws(f, X)`). */
  | ({ readonly kind: 'throws'; readonly evidence: Evidence } & ValueUse)
  /** Read as a plain value (`expect(PI).toBe(3.14)`, or imported and not used). */
  | ({ readonly kind: 'value'; readonly evidence: Evidence } & ValueUse);

/** Everything read about one export of one module. */
export interface ExportReading {
  readonly name: string;
  /** The name the test gave a default import, for printing. */
  localName?: string;
  readonly uses: Use[];
  /** Member uses on values the export returned (`const q = createQueue(); q.size()`): `method` and `property` uses. */
  readonly resultUses: Use[];
  readonly evidence: Evidence;
}

/** Everything read about one module the tests import. */
export interface ModuleReading {
  readonly specifier: string;
  readonly file: string;
  readonly exists: boolean;
  readonly importedBy: Set<string>;
  readonly exports: Map<string, ExportReading>;
}

/** A fresh value use, to fill in. */
export function newValueUse(): ValueUse {
  return { used: false, awaited: false, throws: [], hints: [] };
}
