import type ts from 'typescript';
import type { Evidence } from '../../contract-model.js';
import type { ExportReading, ModuleReading } from '../observations.js';

/** A name of the test file bound to a module of the project: one export, or the whole module (`*`). */
export interface BoundName {
  readonly module: ModuleReading;
  readonly exportName: string;
}

/** What the walk of one test file needs: the shared checker, the file, its import bindings, and the export readings to fill. */
export interface WalkInput {
  readonly checker: ts.TypeChecker;
  readonly source: ts.SourceFile;
  /** Project-relative path, for evidence. */
  readonly file: string;
  /** Import bindings by the symbol of their local name. */
  readonly bindings: ReadonlyMap<ts.Symbol, BoundName>;
  /** The reading of an export, made on first use. */
  readonly exportOf: (module: ModuleReading, name: string, evidence: Evidence) => ExportReading;
}

/** What every part of the walk of one file shares. */
export interface WalkScope {
  readonly input: WalkInput;
  /** The evidence of a node: the file and the node's 1-based line. */
  readonly at: (node: ts.Node) => Evidence;
  readonly symbolOf: (node: ts.Node) => ts.Symbol | undefined;
  /** Variables of the test that hold instances of an export (`const s = new Stack()`), filled by the first pass. */
  readonly instances: Map<ts.Symbol, ExportReading>;
  /** Variables of the test that hold what an exported function returned (`const q = createQueue()`), filled by the first pass. */
  readonly results: Map<ts.Symbol, ExportReading>;
}

export function createWalkScope(input: WalkInput): WalkScope {
  const { checker, source, file } = input;
  return {
    input,
    at: (node) => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 }),
    symbolOf: (node) => checker.getSymbolAtLocation(node),
    instances: new Map(),
    results: new Map(),
  };
}
