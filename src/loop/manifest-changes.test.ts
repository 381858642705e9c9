import { describe, expect, it } from 'vitest';
import { manifestChanges } from './manifest-changes.js';

const base = { name: 'app', version: '1.0.0', type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.1.0' } };
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('manifestChanges', () => {
  it('names each script or dependency a change adds, removes or alters', () => {
    const after = { ...base, scripts: { ...base.scripts, postinstall: 'node evil.js' }, dependencies: { 'left-pad': '1.0.0' }, devDependencies: {} };
    expect(manifestChanges(text(base), text(after))).toEqual([
      { kind: 'runs-code', field: 'scripts.postinstall' },
      { kind: 'runs-code', field: 'dependencies.left-pad' },
      { kind: 'runs-code', field: 'devDependencies.vitest' },
    ]);
  });

  it('lets other fields change, and ignores formatting and key order', () => {
    const after = { devDependencies: base.devDependencies, scripts: base.scripts, name: 'app', version: '1.0.1', type: 'module', exports: './src/index.js' };
    expect(manifestChanges(text(base), JSON.stringify(after))).toEqual([]);
  });

  it('names fields that are not objects, redgreen and test-framework settings', () => {
    const after = { ...base, packageManager: 'pnpm@9.0.0', redgreen: { runner: 'command:curl evil' }, jest: { testMatch: [] } };
    expect(manifestChanges(text(base), text(after))).toEqual([
      { kind: 'runs-code', field: 'packageManager' },
      { kind: 'runs-code', field: 'redgreen.runner' },
      { kind: 'test-data', field: 'jest.testMatch' },
    ]);
  });

  it('reads a new package.json as changed from nothing', () => {
    expect(manifestChanges(undefined, text({ name: 'x', bin: './cli.js' }))).toEqual([{ kind: 'runs-code', field: 'bin' }]);
    expect(manifestChanges(undefined, text({ name: 'x', type: 'commonjs' }))).toEqual([]);
  });

  it('counts text it cannot compare as changing everything', () => {
    expect(manifestChanges(text(base), '[1, 2]')).toEqual([{ kind: 'runs-code', field: 'the whole file (it is not a JSON object redgreen can compare)' }]);
    expect(manifestChanges('{ not json', text(base))).toHaveLength(1);
  });
});
