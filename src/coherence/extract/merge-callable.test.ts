import { describe, expect, it } from 'vitest';
import type { Evidence } from '../contract-model.js';
import { mergeCallable, mergeParameters, resolveResult } from './merge-callable.js';
import type { CallReading, ResultHint } from './observations.js';

const at = (line: number): Evidence => ({ file: 't.test.ts', line });
const call = (args: CallReading['args'], extra: Partial<CallReading> = {}): CallReading => ({
  args,
  evidence: at(1),
  used: false,
  awaited: false,
  throws: [],
  hints: [],
  ...extra,
});

describe('mergeParameters', () => {
  it('makes parameters past the fewest arguments optional and unions the types passed', () => {
    expect(mergeParameters([call([{ type: 'number' }]), call([{ type: 'string' }, { name: 'flag', type: 'boolean' }])])).toEqual([
      { name: 'value', type: 'number | string', optional: false },
      { name: 'flag', type: 'boolean', optional: true },
    ]);
  });

  it('numbers repeated names and prefers identifiers', () => {
    expect(mergeParameters([call([{ type: 'number' }, { type: 'number' }, { name: 'items', type: 'unknown' }])])).toEqual([
      { name: 'n', type: 'number', optional: false },
      { name: 'n2', type: 'number', optional: false },
      { name: 'items', type: 'unknown', optional: false },
    ]);
  });
});

describe('resolveResult', () => {
  const exact = (type: string, line = 1): ResultHint => ({ kind: 'exact', type, evidence: at(line) });

  it('takes the exact reading over weaker hints, and adds null', () => {
    expect(resolveResult([{ kind: 'boolean', evidence: at(1) }, exact('number'), { kind: 'nullable', type: 'null', evidence: at(2) }])).toEqual({
      type: 'number | null',
    });
  });

  it('falls back to weak hints: containment, length, truthiness', () => {
    expect(resolveResult([{ kind: 'contains', element: 'number', evidence: at(1) }]).type).toBe('number[]');
    expect(resolveResult([{ kind: 'length', evidence: at(1) }]).type).toBe('unknown[]');
    expect(resolveResult([{ kind: 'length', evidence: at(1) }, exact('string')]).type).toBe('string');
    expect(resolveResult([{ kind: 'boolean', evidence: at(1) }]).type).toBe('boolean');
    expect(resolveResult([]).type).toBeUndefined();
  });

  it('reports a disagreement between kinds and keeps the first reading', () => {
    expect(resolveResult([exact('number', 3), exact('string', 7)])).toEqual({
      type: 'number',
      disagreement: { first: { type: 'number', evidence: at(3) }, second: { type: 'string', evidence: at(7) } },
    });
    expect(resolveResult([exact('unknown[]'), exact('number[]')])).toEqual({ type: 'number[]' });
    expect(resolveResult([exact('{ a: number }'), exact('{ b: string }')])).toEqual({ type: '{ a: number }' });
  });
});

describe('mergeCallable', () => {
  it('gives void to a result no test uses, and Promise<T> to an awaited one', () => {
    expect(mergeCallable([call([])]).returns).toBe('void');
    expect(mergeCallable([call([], { used: true })]).returns).toBe('unknown');
    const awaited = mergeCallable([call([], { awaited: true, hints: [exact('string')] }), call([], { throws: ['NotFoundError'] })]);
    expect(awaited).toMatchObject({ returns: 'Promise<string>', async: true, throws: ['NotFoundError'] });
  });
});

function exact(type: string): ResultHint {
  return { kind: 'exact', type, evidence: at(1) };
}
