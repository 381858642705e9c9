import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ConfigError, InternalError, ProviderError, RunnerError, UsageError, WorkspaceError } from '../core/errors.js';
import { exitCodeFor, exitCodes, showsStack } from './exit-codes.js';

/** A Node system error as `fs` throws it. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation failed, open '/project/src/a.ts'`), { code });
}

describe('exitCodeFor', () => {
  it.each([
    ['a configuration error', new ConfigError('unknown runner')],
    ['a usage error', new UsageError('--yes and --dry-run contradict each other')],
    ['a runner that cannot start', new RunnerError('The installed "vitest" has no "vitest" executable')],
    ['a rejected key', new ProviderError('authentication failed (401)', { status: 401, retryable: false })],
    ['an unknown model', new ProviderError("model 'x' not found", { status: 404, retryable: false })],
    ['a request the server rejects', new ProviderError('the server rejected the request (400)', { status: 400, retryable: false })],
    ['a commander error', new CommanderError(1, 'commander.unknownOption', "unknown option '--nope'")],
    ['a file the machine will not let us read', systemError('EACCES')],
    ['a read-only disk', systemError('EROFS')],
    ['a full disk', systemError('ENOSPC')],
    ['a project that cannot be read', new WorkspaceError('could not copy /project into a sandbox', { cause: systemError('EACCES') })],
    ['a write-back the disk refused', new WorkspaceError('writing src/a.ts failed; the project was restored', { cause: systemError('EROFS') })],
  ])('is 2 for %s', (_name, error) => {
    expect(exitCodeFor(error)).toBe(exitCodes.usage);
  });

  it.each([
    ['a server that never answered', new ProviderError('did not answer within 30 s (2 attempts)', { retryable: true, failure: 'timeout', attempts: 2 })],
    ['an unreachable server', new ProviderError('cannot reach http://127.0.0.1:1/v1/chat/completions', { retryable: true, failure: 'unreachable' })],
    ['a rate limit past the retries', new ProviderError('rate limited (429) (4 attempts)', { status: 429, retryable: true })],
    ['a server error past the retries', new ProviderError('server error (503) (4 attempts)', { status: 503, retryable: true })],
    ['a reply past the size limit', new ProviderError("the model server's reply passed the 8 MB limit", { retryable: false, failure: 'too-large' })],
    ['a local model that failed', new ProviderError('the local model failed: m.gguf', { retryable: false })],
    ['a non-retryable 500', new ProviderError('request failed (500)', { status: 500, retryable: false })],
  ])('is 4 for %s', (_name, error) => {
    expect(exitCodeFor(error)).toBe(exitCodes.model);
  });

  it('is 1 when the fix could not be written to the project', () => {
    expect(exitCodeFor(new WorkspaceError('refusing to write back: src/a.ts changed on disk since the run started; nothing was written'))).toBe(exitCodes.red);
  });

  it.each([
    ['an internal error', new InternalError('unreachable state')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a system error that is not about the machine', systemError('EBADF')],
    ['a thrown string', 'boom'],
  ])('is 3 only for redgreen’s own bugs: %s', (_name, error) => {
    expect(exitCodeFor(error)).toBe(exitCodes.internal);
  });

  it('shows a stack only for exit 3', () => {
    expect(Object.values(exitCodes).filter(showsStack)).toEqual([exitCodes.internal]);
  });
});
