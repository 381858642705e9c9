import type {
  ClassContract,
  ContractModel,
  ExportContract,
  FunctionContract,
  MethodContract,
  ModuleContract,
  ParameterContract,
  PropertyContract,
  ValueContract,
} from '../../src/coherence/contract-model.js';

/** Typed test data for the contract model: what an extractor would read from a project's tests. */

export function aParam(name: string, type = 'unknown', optional = false): ParameterContract {
  return { name, type, optional };
}

export function aFunction(name: string, overrides: Partial<Omit<FunctionContract, 'kind' | 'name'>> = {}): FunctionContract {
  return { kind: 'function', name, params: [], returns: 'unknown', async: false, throws: [], evidence: [{ file: 'test/a.test.ts', line: 3 }], ...overrides };
}

export function aMethod(name: string, overrides: Partial<Omit<MethodContract, 'kind' | 'name'>> = {}): MethodContract {
  return {
    kind: 'method',
    name,
    static: false,
    params: [],
    returns: 'unknown',
    async: false,
    throws: [],
    evidence: [{ file: 'test/a.test.ts', line: 5 }],
    ...overrides,
  };
}

export function aProperty(name: string, overrides: Partial<Omit<PropertyContract, 'kind' | 'name'>> = {}): PropertyContract {
  return { kind: 'property', name, type: 'unknown', static: false, written: false, evidence: [{ file: 'test/a.test.ts', line: 6 }], ...overrides };
}

export function aClass(name: string, overrides: Partial<Omit<ClassContract, 'kind' | 'name'>> = {}): ClassContract {
  return { kind: 'class', name, constructorParams: [], members: [], extendsError: false, evidence: [{ file: 'test/a.test.ts', line: 4 }], ...overrides };
}

export function aValue(name: string, type = 'unknown'): ValueContract {
  return { kind: 'value', name, type, evidence: [{ file: 'test/a.test.ts', line: 7 }] };
}

/** A module the tests import from `importedBy` (default `test/a.test.ts`), with a specifier derived from its file. */
export function aModule(file: string, exports: readonly ExportContract[], overrides: Partial<ModuleContract> = {}): ModuleContract {
  const specifier = `../${file.replace(/\.[cm]?[jt]s$/, '.js')}`;
  return { specifier, file, exists: false, exports, importedBy: ['test/a.test.ts'], ...overrides };
}

export function aModel(modules: readonly ModuleContract[], overrides: Partial<ContractModel> = {}): ContractModel {
  const testFiles = [...new Set(modules.flatMap((module) => module.importedBy))];
  return { testFiles, modules, conflicts: [], missingPackages: [], problems: [], ...overrides };
}
