import { describe, expect, it } from 'vitest';
import { fixJsonOutputSchema } from '../../test/helpers/json-contract-schema.js';
import { ConfigError, ProviderError, RunnerError, UsageError, WorkspaceError } from '../core/errors.js';
import { exitCodeFor } from './exit-codes.js';
import { toJsonError } from './json-error.js';

/** The JSON error object main prints for `error`, with the exit code main returns for it. */
function asJson(error: unknown) {
  return fixJsonOutputSchema.parse(JSON.parse(JSON.stringify(toJsonError(error, exitCodeFor(error)))));
}

describe('toJsonError', () => {
  it.each([
    [new ConfigError('unknown runner "vitset"'), 'config', 2, 'E_CONFIG'],
    [new UsageError('--yes and --dry-run contradict each other'), 'usage', 2, 'E_USAGE'],
    [new RunnerError('vitest could not start'), 'runner', 2, 'E_RUNNER'],
    [new ProviderError('server error', { status: 503, retryable: true }), 'model', 4, 'E_PROVIDER'],
    [new ProviderError('bad key', { status: 401 }), 'model', 2, 'E_PROVIDER'],
    [new WorkspaceError('cannot write'), 'workspace', 1, 'E_WORKSPACE'],
    [Object.assign(new Error('permission denied'), { code: 'EACCES' }), 'environment', 2, 'EACCES'],
    [new TypeError('x is undefined'), 'internal', 3, undefined],
  ])('%s → kind %s, exit %i', (error, kind, exitCode, code) => {
    const json = asJson(error);
    expect(json).toMatchObject({ schemaVersion: 1, status: 'error', exitCode, error: { kind, message: (error as Error).message } });
    expect('error' in json ? json.error.code : 'none').toBe(code);
  });

  it('keeps the causes in the message, as the stderr line does', () => {
    const json = asJson(new ConfigError('cannot read redgreen.config.json', { cause: new Error('unexpected token') }));
    expect(json).toMatchObject({ error: { message: 'cannot read redgreen.config.json: unexpected token' } });
  });

  it('an interruption is its own kind', () => {
    expect(toJsonError(new Error('stopped'), 130).error.kind).toBe('interrupted');
  });
});
