import { describe, expect, it } from 'vitest';
import { colorDiff } from './color-diff.js';

const diff = ['--- a/src/sum.ts', '+++ b/src/sum.ts', '@@ -1,3 +1,3 @@', ' export function sum(a, b) {', '-  return a - b;', '+  return a + b;', ' }', ''].join(
  '\n',
);

describe('colorDiff', () => {
  it('leaves the diff byte for byte when colour is off', () => {
    expect(colorDiff(diff, false)).toBe(diff);
  });

  it('colours added lines green, removed lines red and hunk headers cyan', () => {
    const lines = colorDiff(diff, true).split('\n');
    expect(lines[0]).toBe('\x1b[1m--- a/src/sum.ts\x1b[22m');
    expect(lines[1]).toBe('\x1b[1m+++ b/src/sum.ts\x1b[22m');
    expect(lines[2]).toBe('\x1b[36m@@ -1,3 +1,3 @@\x1b[39m');
    expect(lines[3]).toBe(' export function sum(a, b) {');
    expect(lines[4]).toBe('\x1b[31m-  return a - b;\x1b[39m');
    expect(lines[5]).toBe('\x1b[32m+  return a + b;\x1b[39m');
  });

  it('strips back to the plain diff', () => {
    // eslint-disable-next-line no-control-regex
    expect(colorDiff(diff, true).replace(/\x1b\[\d+m/g, '')).toBe(diff);
  });
});
