import { describe, expect, it } from 'vitest';
import { boundOutput, normalizeOutput, relativizePaths, stripAnsi, stripTimings } from './normalize-output.js';

describe('normalize-output', () => {
  it('strips ANSI codes', () => {
    expect(stripAnsi('\u001b[31m\u001b[1mFAIL\u001b[22m\u001b[39m x')).toBe('FAIL x');
  });

  it('makes paths and file URLs under the roots project-relative', () => {
    const roots = ['/tmp/proj-1', '/private/tmp/proj-1'];
    expect(relativizePaths('at /tmp/proj-1/src/a.ts:3:4 and file:///private/tmp/proj-1/test/b.ts:1:2 in /tmp/proj-1', roots)).toBe(
      'at src/a.ts:3:4 and test/b.ts:1:2 in .',
    );
  });

  it('removes timings and timing summary lines', () => {
    const text = ' ✓ adds (12ms)\n ✓ b (5.2 s)\n Duration  395ms (transform 61ms)\nTime:        0.692 s\n ✓ c 3 ms\n';
    expect(stripTimings(text)).toBe(' ✓ adds\n ✓ b\n\n ✓ c\n');
  });

  it('bounds long output to head, error lines and tail, with markers', () => {
    const lines = Array.from({ length: 200 }, (_, index) => (index === 100 ? 'AssertionError: boom' : `line ${index}`));
    const bounded = boundOutput(lines.join('\n'), { maxLines: 30 });
    expect(bounded).toContain('line 0');
    expect(bounded).toContain('line 199');
    expect(bounded).toContain('AssertionError: boom');
    expect(bounded).toMatch(/… \d+ lines omitted …/);
    expect(bounded.split('\n').length).toBeLessThanOrEqual(34);
  });

  it('bounds by characters too', () => {
    const bounded = boundOutput('x'.repeat(10_000), { maxChars: 500 });
    expect(bounded.length).toBeLessThanOrEqual(520);
  });

  it('leaves short output alone apart from normalization', () => {
    expect(normalizeOutput('\u001b[32mok\u001b[39m /r/a.ts (3ms)\n', ['/r'])).toBe('ok a.ts');
  });
});
