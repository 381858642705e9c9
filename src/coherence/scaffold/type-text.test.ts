import { describe, expect, it } from 'vitest';
import { safeType } from './type-text.js';

const none = () => false;

describe('safeType', () => {
  it('keeps keywords, literals, global types and known names', () => {
    expect(safeType('number', none).text).toBe('number');
    expect(safeType("Promise<Map<string, number[]>> | 'a'", none).text).toBe("Promise<Map<string, number[]>> | 'a'");
    expect(safeType('User[]', (name) => name === 'User')).toEqual({ text: 'User[]', names: new Set(['User']) });
  });

  it('replaces unknown names, qualified names and typeof queries with unknown', () => {
    expect(safeType('Promise<User[]>', none).text).toBe('Promise<unknown[]>');
    expect(safeType('{ id: Id; at: ns.When; of: typeof x }', none).text).toBe('{ id: unknown; at: unknown; of: unknown }');
  });

  it('turns text that is not a type into unknown', () => {
    expect(safeType('number)', none).text).toBe('unknown');
    expect(safeType('', none).text).toBe('unknown');
  });
});
