import { describe, expect, it } from 'vitest';
import { anAttempt } from '../../test/helpers/factories.js';
import { decideNext } from './policy.js';

const red = { passed: 1, failed: 2, total: 3 };
const base = { step: 1, maxSteps: 3, best: red, history: [], denoiserExhausted: false };

describe('decideNext', () => {
  it('stops on green before anything else', () => {
    expect(decideNext({ ...base, best: { passed: 3, failed: 0, total: 3 }, step: 9 })).toEqual({ action: 'stop', reason: 'green' });
  });
  it('stops at once when interrupted', () => {
    expect(decideNext({ ...base, interrupted: true })).toEqual({ action: 'stop', reason: 'interrupted' });
  });
  it('stops when the step budget is spent', () => {
    expect(decideNext({ ...base, step: 4 })).toEqual({ action: 'stop', reason: 'budget' });
  });
  it('stops when the time budget is spent', () => {
    expect(decideNext({ ...base, secondsLeft: 0 })).toEqual({ action: 'stop', reason: 'time' });
  });
  it('stops when the denoiser is exhausted', () => {
    expect(decideNext({ ...base, denoiserExhausted: true })).toEqual({ action: 'stop', reason: 'exhausted' });
  });
  it('starts with small updates', () => {
    expect(decideNext(base)).toEqual({ action: 'propose', suggestedMode: 'update' });
  });
  it('asks for an exact quote or diff after one unapplied reply, then a rewrite after two', () => {
    const one = [anAttempt({ outcome: 'refused' })];
    expect(decideNext({ ...base, history: one })).toEqual({ action: 'propose', suggestedMode: 'patch' });
    const two = [...one, anAttempt({ outcome: 'malformed' })];
    expect(decideNext({ ...base, history: two })).toEqual({ action: 'propose', suggestedMode: 'rewrite' });
  });
  it('escalates to a rewrite after two applied steps that did not help', () => {
    const history = [anAttempt({ outcome: 'no-improvement' }), anAttempt({ outcome: 'regressed' })];
    expect(decideNext({ ...base, history })).toEqual({ action: 'propose', suggestedMode: 'rewrite' });
    expect(decideNext({ ...base, history: [...history, anAttempt({ outcome: 'improved' })] })).toEqual({ action: 'propose', suggestedMode: 'update' });
  });
  it("under a noise schedule, takes the mode from the step's noise level, not from the failures", () => {
    const history = [anAttempt({ outcome: 'refused' }), anAttempt({ outcome: 'malformed' })];
    expect(decideNext({ ...base, history, noise: 0.2 })).toEqual({ action: 'propose', suggestedMode: 'update' });
    expect(decideNext({ ...base, noise: 0.5 })).toEqual({ action: 'propose', suggestedMode: 'patch' });
    expect(decideNext({ ...base, noise: 1 })).toEqual({ action: 'propose', suggestedMode: 'rewrite' });
    expect(decideNext({ ...base, noise: 0.5, thresholds: { rewrite: 0.4, patch: 0.2 } })).toEqual({ action: 'propose', suggestedMode: 'rewrite' });
  });
  it('stops the same way under a noise schedule', () => {
    expect(decideNext({ ...base, step: 4, noise: 0.1 })).toEqual({ action: 'stop', reason: 'budget' });
  });
});
