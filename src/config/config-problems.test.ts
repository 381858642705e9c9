import { describe, expect, it } from 'vitest';
import { closest } from './config-problems.js';

const keys = ['maxIter', 'maxTokens', 'testTimeout', 'passEnv', 'src', 'tests'];

describe('closest', () => {
  it('suggests the key a typo, a case slip or kebab-case meant', () => {
    expect(closest('maxIters', keys)).toBe('maxIter');
    expect(closest('testTimout', keys)).toBe('testTimeout');
    expect(closest('pass-env', keys)).toBe('passEnv');
    expect(closest('MAXITER', keys)).toBe('maxIter');
    expect(closest('test', keys)).toBe('tests');
  });

  it('suggests nothing for a key unlike any', () => {
    expect(closest('colour', keys)).toBeUndefined();
    expect(closest('prices2024', keys)).toBeUndefined();
  });
});
