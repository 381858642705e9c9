import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';

const block = (search: string, replace: string) => `<<<<<<< SEARCH\n${search}=======\n${replace}>>>>>>> REPLACE`;

describe('parseReply: search/replace blocks', () => {
  it('reads a path line, a fenced block and the reasoning around it', () => {
    const reply = `The subtraction should be an addition.\n\nsrc/math.ts\n\`\`\`ts\n${block('  return a - b;\n', '  return a + b;\n')}\n\`\`\`\n\nThat fixes the add test.`;
    expect(parseReply(reply)).toEqual({
      status: 'parsed',
      format: 'search-replace',
      edits: [{ kind: 'update', file: 'src/math.ts', oldText: '  return a - b;\n', newText: '  return a + b;\n' }],
      reasoning: 'The subtraction should be an addition.\n\nThat fixes the add test.',
    });
  });

  it.each([['`src/math.ts`'], ['**src/math.ts**'], ['### src/math.ts'], ['File: ./src/math.ts'], ['src\\math.ts']])(
    'accepts the path written as %s',
    (pathLine) => {
      const reply = `${pathLine}\n\`\`\`\n${block('a\n', 'b\n')}\n\`\`\``;
      expect(parseReply(reply)).toMatchObject({ status: 'parsed', edits: [{ file: 'src/math.ts' }] });
    },
  );

  it('accepts the path as the first line inside the fence', () => {
    const reply = `\`\`\`python\nlib/calc.py\n${block('x = 1\n', 'x = 2\n')}\n\`\`\``;
    expect(parseReply(reply)).toMatchObject({ status: 'parsed', edits: [{ kind: 'update', file: 'lib/calc.py', oldText: 'x = 1\n', newText: 'x = 2\n' }] });
  });

  it('reads several blocks for several files, reusing the path for a block without one', () => {
    const reply = ['src/a.ts', '```ts', block('a1\n', 'a2\n'), block('a3\n', ''), '```', 'src/b.ts', '```ts', block('b1\nb2\n', 'b3\n'), '```'].join('\n');
    const result = parseReply(reply);
    expect(result.status === 'parsed' && result.edits).toEqual([
      { kind: 'update', file: 'src/a.ts', oldText: 'a1\n', newText: 'a2\n' },
      { kind: 'update', file: 'src/a.ts', oldText: 'a3\n', newText: '' },
      { kind: 'update', file: 'src/b.ts', oldText: 'b1\nb2\n', newText: 'b3\n' },
    ]);
  });

  it('turns an empty SEARCH section into a rewrite of the file', () => {
    const reply = `src/new.ts\n\`\`\`ts\n${block('', 'export const x = 1;\n')}\n\`\`\``;
    expect(parseReply(reply)).toMatchObject({ edits: [{ kind: 'rewrite', file: 'src/new.ts', content: 'export const x = 1;\n' }] });
  });

  it('refuses a rewrite that elides code', () => {
    const reply = `src/new.ts\n\`\`\`ts\n${block('', 'import x from "y";\n// ... rest unchanged\n')}\n\`\`\``;
    expect(parseReply(reply)).toMatchObject({ status: 'malformed', reason: expect.stringContaining('// ... rest unchanged') });
  });

  it('reports a block without a divider with its line', () => {
    const reply = 'src/a.ts\n```\n<<<<<<< SEARCH\na\n>>>>>>> REPLACE\n```';
    expect(parseReply(reply)).toEqual({
      status: 'malformed',
      reason: 'the SEARCH/REPLACE block starting at line 3 is not terminated: expected `=======` before line 5',
      problem: 'invalid',
    });
  });

  it('reports a block cut off before REPLACE', () => {
    const reply = 'src/a.ts\n```\n<<<<<<< SEARCH\na\n=======\nb\n';
    expect(parseReply(reply)).toMatchObject({ status: 'malformed', reason: expect.stringContaining('expected `>>>>>>> REPLACE` before the end of the reply') });
  });

  it('reports a REPLACE marker without a SEARCH marker', () => {
    expect(parseReply('src/a.ts\n```\na\n=======\nb\n>>>>>>> REPLACE\n```')).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('line 6: `>>>>>>> REPLACE` without a matching'),
    });
  });

  it('reports a block without a path', () => {
    expect(parseReply(`Here is the fix:\n\`\`\`\n${block('a\n', 'b\n')}\n\`\`\``)).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('names no file'),
    });
  });

  it('resolves a path by a unique suffix among the known files', () => {
    const reply = `math.ts\n\`\`\`\n${block('a\n', 'b\n')}\n\`\`\``;
    expect(parseReply(reply, { knownFiles: ['src/math.ts', 'src/other.ts'] })).toMatchObject({ edits: [{ file: 'src/math.ts' }] });
    expect(parseReply(reply, { knownFiles: ['src/math.ts', 'lib/math.ts'] })).toMatchObject({ edits: [{ file: 'math.ts' }] });
  });

  it('reads CRLF replies', () => {
    const reply = `src/a.ts\r\n\`\`\`\r\n${block('a\n', 'b\n').replace(/\n/g, '\r\n')}\r\n\`\`\``;
    expect(parseReply(reply)).toMatchObject({ edits: [{ oldText: 'a\n', newText: 'b\n' }] });
  });
});
