import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import { isBackendFailure } from './backend-failure.js';

describe('isBackendFailure', () => {
  it.each([
    ['a timeout', new ProviderError('did not answer', { retryable: true, failure: 'timeout' })],
    ['a refused connection', new ProviderError('cannot reach', { retryable: true, failure: 'unreachable' })],
    ['a dropped connection', new ProviderError('lost mid-stream', { retryable: true, failure: 'disconnected' })],
    ['a reply past the limit', new ProviderError('passed the 8 MB limit', { retryable: false, failure: 'too-large' })],
    ['a rate limit', new ProviderError('rate limited (429)', { status: 429, retryable: true })],
    ['a server error', new ProviderError('server error (502)', { status: 502, retryable: true })],
  ])('is true for %s', (_name, error) => {
    expect(isBackendFailure(error)).toBe(true);
  });

  it.each([
    ['a spent budget', new ProviderError('the model budget is spent', { retryable: false, exhausted: true, failure: 'timeout' })],
    ['a truncated stream', new ProviderError('truncated stream', { retryable: true })],
    ['a body that is not JSON', new ProviderError("the server's reply is not JSON", { status: 200, retryable: true })],
    ['a rejected key', new ProviderError('authentication failed (401)', { status: 401, retryable: false })],
    ['another error', new TypeError('bug')],
  ])('is false for %s', (_name, error) => {
    expect(isBackendFailure(error)).toBe(false);
  });
});
