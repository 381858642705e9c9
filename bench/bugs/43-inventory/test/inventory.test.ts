import { describe, expect, it } from 'vitest';
import { Inventory } from '../src/inventory.js';

describe('Inventory', () => {
  it('tracks quantities per SKU', () => {
    const inv = new Inventory();
    inv.add('pen', 3);
    inv.add('pen', 2);
    expect(inv.quantity('pen')).toBe(5);
  });
  it('tracks the total units', () => {
    const inv = new Inventory();
    inv.add('pen', 3);
    inv.add('ink', 4);
    expect(inv.totalUnits).toBe(7);
  });
  it('refuses to remove more than is in stock', () => {
    const inv = new Inventory();
    inv.add('pen', 1);
    expect(() => inv.remove('pen', 2)).toThrow();
  });
  it('unknown SKUs have quantity zero', () => {
    expect(new Inventory().quantity('nope')).toBe(0);
  });
});
