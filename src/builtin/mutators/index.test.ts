import { describe, expect, it } from 'vitest';
import { templates } from '../templates/index.js';
import { mutators } from './index.js';

describe('built-in mutators and templates', () => {
  it('have unique kebab-case names, priors in (0, 1] and the right kind', () => {
    const all = [...mutators, ...templates];
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
    for (const m of all) {
      expect(m.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(m.prior).toBeGreaterThan(0);
      expect(m.prior).toBeLessThanOrEqual(1);
    }
    expect(mutators.every((m) => m.kind === 'mutator')).toBe(true);
    expect(templates.every((m) => m.kind === 'template')).toBe(true);
  });
});
