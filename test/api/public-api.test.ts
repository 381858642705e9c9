import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as config from '../../src/config/define-config.js';
import * as testing from '../../src/testing.js';
import { repoRoot } from '../helpers/fixture-project.js';

/**
 * The package's runtime exports are a contract: adding one is a decision (update this list), and internals —
 * the loop, the engine's search, prompt building, edit parsing — stay out.
 */
describe('the public API', () => {
  it('exports exactly the contract', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ConfigError',
        'InternalError',
        'ProviderError',
        'RedgreenError',
        'RunnerError',
        'UsageError',
        'WorkspaceError',
        'builtinModel',
        'createBuiltinDenoiser',
        'createInfillDenoiser',
        'createLlmDenoiser',
        'createProvider',
        'createRunner',
        'defineConfig',
        'describeError',
        'describeRecovery',
        'detectRunner',
        'editFormatNames',
        'fix',
        'fixDefaults',
        'getEditFormat',
        'isTestFile',
        'jsonSchemaVersion',
        'loadConfig',
        'recoverWriteBacks',
        'restoreBackup',
        'runnerNames',
        'writeBack',
      ].sort(),
    );
  });

  it('gives adapter authors the contract suites and a replaying model', () => {
    expect(Object.keys(testing).sort()).toEqual(['createScriptedProviderFromReplies', 'describeDenoiserContract', 'describeTestRunnerContract']);
  });

  it('publishes defineConfig alone as redgreen/config, a module that loads nothing else', async () => {
    expect(Object.keys(config)).toEqual(['defineConfig']);
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
    const entry = manifest.exports['./config']?.import ?? '';
    expect(entry).toBe('./dist/config/define-config.js');
    const built = await readFile(join(repoRoot, entry), 'utf8');
    expect(built).toContain('export function defineConfig');
    // An ES module without import statements cannot pull in the engine, the runners or the compiler.
    expect(built).not.toMatch(/^\s*import\b|\bimport\(|\brequire\(/m);
  });
});
