import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as testing from '../../src/testing.js';

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
});
