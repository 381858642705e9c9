import { describe, expect, it } from 'vitest';
import { mochaGrep } from './mocha-grep.js';

const file = 'test/a.test.js';
const matcher = (options: Parameters<typeof mochaGrep>[0]): ((fullTitle: string) => boolean) => {
  const source = mochaGrep(options);
  return (fullTitle) => source === undefined || new RegExp(source).test(fullTitle);
};

describe('mochaGrep', () => {
  it('is absent when nothing is selected or excluded', () => {
    expect(mochaGrep({})).toBeUndefined();
    expect(mochaGrep({ exclude: [] })).toBeUndefined();
  });

  it('selects the requested full titles, as mocha joins them with spaces', () => {
    const matches = matcher({ tests: [{ file, name: 'Cart > bulk orders > discounts (10+)' }] });
    expect(matches('Cart bulk orders discounts (10+)')).toBe(true);
    expect(matches('Cart bulk orders discounts (10+) twice')).toBe(false);
    expect(matches('Cart starts empty')).toBe(false);
  });

  it('leaves out the excluded tests, also within a selection', () => {
    const hung = { file, name: 'retry > spins' };
    expect(matcher({ exclude: [hung] })('retry spins')).toBe(false);
    expect(matcher({ exclude: [hung] })('retry gives up')).toBe(true);
    const both = matcher({ tests: [hung, { file, name: 'retry > gives up' }], exclude: [hung] });
    expect(both('retry spins')).toBe(false);
    expect(both('retry gives up')).toBe(true);
    expect(both('other')).toBe(false);
  });
});
