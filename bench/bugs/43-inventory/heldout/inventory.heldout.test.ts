import { describe, expect, it } from 'vitest';
import { Inventory } from '../src/inventory.js';

describe('Inventory (held out)', () => {
  it('removing everything brings the total back to zero', () => {
    const inv = new Inventory();
    inv.add('a', 5);
    inv.remove('a', 5);
    expect(inv.totalUnits).toBe(0);
    expect(inv.quantity('a')).toBe(0);
  });
  it('partial removal', () => {
    const inv = new Inventory();
    inv.add('a', 5);
    inv.add('b', 1);
    inv.remove('a', 2);
    expect(inv.totalUnits).toBe(4);
  });
  it('rejects non-positive quantities', () => {
    expect(() => new Inventory().add('a', 0)).toThrow(RangeError);
  });
});
