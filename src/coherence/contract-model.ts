/**
 * What the tests expect of the code, read from the test files (extract-contracts.ts): per module the exports
 * the tests import and how they use them. Types are TypeScript type text (`number`, `string[]`,
 * `Promise<User>`, `unknown` when nothing tells). Every part carries the test locations it was read from.
 */

/** A place in a test file that an expectation was read from. */
export interface Evidence {
  /** Project-relative POSIX path of the test file. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
}

export interface ParameterContract {
  /** A name for the stub: from the argument when it is an identifier (`items`), else from its type (`value`, `text`, `list`). */
  readonly name: string;
  readonly type: string;
  /** Some calls leave it out (arity seen varies). */
  readonly optional: boolean;
}

/** What functions and methods share: parameters, result, awaiting, expected errors. */
export interface Callable {
  readonly params: readonly ParameterContract[];
  /** The result type the tests expect (`Promise<T>` when they await it, with `async` set). */
  readonly returns: string;
  /** The tests await it (`await f()`, `.resolves`, `.rejects`, `.then`). */
  readonly async: boolean;
  /** Error classes the tests expect it to throw or reject with (`Error` for a bare `toThrow()`). */
  readonly throws: readonly string[];
}

/**
 * The members the tests use on what a function returns (`const q = createQueue(); q.enqueue(1)`): an interface
 * the function's result type names (`returns` is `Queue`, or `Promise<Queue>` when awaited).
 */
export interface ResultInterface {
  /** The interface's name: the function's name without a leading `create`/`make`/`build`/`new`, capitalized. */
  readonly name: string;
  readonly members: readonly (MethodContract | PropertyContract)[];
}

export interface FunctionContract extends Callable {
  readonly kind: 'function';
  /** The exported name; `default` for a default export. */
  readonly name: string;
  /** What the tests use of the result, when they call or read members of it and nothing else types it. */
  readonly result?: ResultInterface;
  /** Type parameters, when tests call it with explicit type arguments (`parse<User>(text)`); its types name them. */
  readonly typeParams?: readonly string[];
  /** The name a test gave a default import (`import Stack from …`), for printing; absent for named exports. */
  readonly localName?: string;
  readonly evidence: readonly Evidence[];
}

export interface MethodContract extends Callable {
  readonly kind: 'method';
  readonly name: string;
  readonly static: boolean;
  readonly evidence: readonly Evidence[];
}

export interface PropertyContract {
  readonly kind: 'property';
  readonly name: string;
  readonly type: string;
  readonly static: boolean;
  /** The tests assign it, not only read it. */
  readonly written: boolean;
  readonly evidence: readonly Evidence[];
}

export interface ClassContract {
  readonly kind: 'class';
  readonly name: string;
  /** The name a test gave a default import (`import Stack from …`), for printing; absent for named exports. */
  readonly localName?: string;
  readonly constructorParams: readonly ParameterContract[];
  readonly members: readonly (MethodContract | PropertyContract)[];
  /** Type parameters, when tests construct it with explicit type arguments (`new Stack<number>()`); member types name them. */
  readonly typeParams?: readonly string[];
  /** The tests expect it to be an error class (thrown and matched with `toThrow(Name)`, or `instanceof Error`). */
  readonly extendsError: boolean;
  readonly evidence: readonly Evidence[];
}

/** An export used as a value (a constant, an object of functions, an enum-like record). */
export interface ValueContract {
  readonly kind: 'value';
  readonly name: string;
  /** The name a test gave a default import (`import Stack from …`), for printing; absent for named exports. */
  readonly localName?: string;
  readonly type: string;
  readonly evidence: readonly Evidence[];
}

export type ExportContract = FunctionContract | ClassContract | ValueContract;

export interface ModuleContract {
  /** The specifier as a test wrote it (`../src/stack.js`); the first one seen when several tests import it. */
  readonly specifier: string;
  /**
   * The project-relative file it resolves to: the existing file, or the one scaffolding would create (the
   * extension the project uses: `.ts` with a tsconfig or TypeScript tests, else `.js`).
   */
  readonly file: string;
  readonly exists: boolean;
  readonly exports: readonly ExportContract[];
  /** The test files that import it. */
  readonly importedBy: readonly string[];
}

/** Two tests that expect incompatible things of one symbol (a function in one, a class in another; different result types). */
export interface ContractConflict {
  readonly file: string;
  readonly symbol: string;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

/** A bare import (`lodash`, `@scope/pkg`) that is not installed: reported, never scaffolded. */
export interface MissingPackage {
  readonly specifier: string;
  readonly importedBy: readonly Evidence[];
}

/** A test file that could not be read as code: nothing is scaffolded from a model that has any. */
export interface TestFileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ContractModel {
  /** Project-relative test files read. */
  readonly testFiles: readonly string[];
  /** Modules of the project the tests import (relative specifiers and workspace paths), in a stable order. */
  readonly modules: readonly ModuleContract[];
  readonly conflicts: readonly ContractConflict[];
  readonly missingPackages: readonly MissingPackage[];
  readonly problems: readonly TestFileProblem[];
}

/**
 * A difference between what the tests expect and what the code has (check-contracts.ts): reported by
 * `redgreen scaffold` and `redgreen fix`, and fed to the denoisers before a test run is spent on it.
 */
export interface ContractFinding {
  readonly kind: 'missing-module' | 'missing-export' | 'missing-member' | 'arity' | 'not-async' | 'not-a-class' | 'not-a-function';
  /** Project-relative file of the module concerned. */
  readonly file: string;
  /** `name` or `Class.member`; absent for a missing module. */
  readonly symbol?: string;
  /** One line for a person and for a prompt, e.g. "src/stack.ts has no export `peek` (test/stack.test.ts:12 imports it)". */
  readonly message: string;
  /** A near name that exists (`pop` for `popp`): the test may import a renamed export. */
  readonly suggestion?: string;
  readonly evidence: readonly Evidence[];
}
