import { describe, expect, it } from 'vitest';
import { aReport } from '../../test/helpers/factories.js';
import { runInPackage } from './in-package.js';
import type { RunOptions, TestRunner } from '../core/test-runner.js';

describe('runInPackage', () => {
  it('runs in the package below the root it is given, keeping ids relative to that root', async () => {
    const calls: [string, RunOptions][] = [];
    let disposed = false;
    const inner: TestRunner = {
      name: 'fake',
      run: async (cwd, options) => {
        calls.push([cwd, options]);
        return aReport([]);
      },
      dispose: async () => {
        disposed = true;
      },
    };
    const runner = runInPackage(inner, 'packages/b');
    await runner.run('/sandbox', { timeoutMs: 1000, files: ['packages/b/test/x.test.ts'] });
    expect(calls).toEqual([['/sandbox/packages/b', { timeoutMs: 1000, files: ['packages/b/test/x.test.ts'], root: '/sandbox' }]]);
    expect(runner.name).toBe('fake');
    await runner.dispose?.();
    expect(disposed).toBe(true);
  });
});
