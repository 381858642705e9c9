import { describe, expect, it } from 'vitest';
import { describeShift, findBlock, noShift, shiftLine } from './find-block.js';

describe('findBlock', () => {
  const lines = ['if (a) {', '    run();', '', '    stop();', '}', '  run();'];

  it('finds exact runs of lines', () => {
    expect(findBlock(lines, ['    run();', ''])).toEqual([{ start: 1, shift: noShift, exact: true }]);
  });

  it('finds runs with a consistent indentation offset only when allowed', () => {
    expect(findBlock(lines, ['run();', '', 'stop();'])).toEqual([]);
    expect(findBlock(lines, ['run();', '', 'stop();'], { allowIndentShift: true })).toEqual([{ start: 1, shift: { add: '    ', remove: '' }, exact: false }]);
  });

  it('finds every place and honours the start line', () => {
    expect(findBlock(lines, ['run();'], { allowIndentShift: true }).map((m) => m.start)).toEqual([1, 5]);
    expect(findBlock(lines, ['run();'], { allowIndentShift: true, from: 2 }).map((m) => m.start)).toEqual([5]);
  });

  it('does not match tabs against spaces', () => {
    expect(findBlock(['\trun();'], ['    run();'], { allowIndentShift: true })).toEqual([]);
  });
});

describe('shiftLine', () => {
  it('adds and removes indentation, leniently unless strict', () => {
    expect(shiftLine('x', { add: '  ', remove: '' })).toBe('  x');
    expect(shiftLine('    x', { add: '', remove: '  ' })).toBe('  x');
    expect(shiftLine(' x', { add: '', remove: '  ' })).toBe('x');
    expect(shiftLine(' x', { add: '', remove: '  ' }, true)).toBeUndefined();
    expect(shiftLine('', { add: '  ', remove: '' })).toBe('');
  });

  it('describes shifts for notes', () => {
    expect(describeShift({ add: '\t', remove: '' })).toBe('+1 tab');
    expect(describeShift({ add: '', remove: '  ' })).toBe('-2 spaces');
    expect(describeShift(noShift)).toBeUndefined();
  });
});
