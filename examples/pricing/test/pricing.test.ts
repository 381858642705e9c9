import { describe, expect, it } from 'vitest';
import { bulkDiscount, subtotal, total } from '../src/pricing.js';

const pen = { name: 'pen', unitPrice: 150, quantity: 4 };
const pad = { name: 'pad', unitPrice: 320, quantity: 2 };
const box = { name: 'box', unitPrice: 999, quantity: 6 };

describe('subtotal', () => {
  it('is zero for an empty cart', () => {
    expect(subtotal([])).toBe(0);
  });
  it('counts every item', () => {
    expect(subtotal([pen, pad])).toBe(1240);
  });
  it('multiplies by quantity', () => {
    expect(subtotal([box])).toBe(5994);
  });
});

describe('bulkDiscount', () => {
  it('gives nothing below the threshold', () => {
    expect(bulkDiscount([pen, pad])).toBe(0);
  });
  it('starts exactly at the threshold', () => {
    expect(bulkDiscount([pen, box])).toBe(659);
  });
});

describe('total', () => {
  it('subtracts the discount', () => {
    expect(total([pen, pad, box])).toBe(6511);
  });
});
