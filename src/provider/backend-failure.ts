import { ProviderError } from '../core/errors.js';
import { isRetryableStatus } from './http-errors.js';

/**
 * Whether `error` says the model back end itself failed — unreachable, silent, disconnected, overloaded or
 * failing (429, 5xx) past its retries, or a reply past the size limit — rather than one reply that could not
 * be used. A run cannot go on without its back end: it ends with this error instead of a failed step.
 */
export function isBackendFailure(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError) || error.details.exhausted === true) return false;
  const { failure, status } = error.details;
  return failure !== undefined || (status !== undefined && isRetryableStatus(status));
}
