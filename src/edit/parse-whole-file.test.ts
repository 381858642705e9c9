import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';

const code = 'export function add(a: number, b: number): number {\n  return a + b;\n}';

describe('parseReply: whole files', () => {
  it.each([['src/math.ts'], ['**src/math.ts**'], ['`src/math.ts`'], ['File: src/math.ts'], ['Here is the corrected `src/math.ts`:']])(
    'reads a fenced file after the line %s',
    (pathLine) => {
      const result = parseReply(`${pathLine}\n\n\`\`\`ts\n${code}\n\`\`\``);
      expect(result).toMatchObject({ status: 'parsed', format: 'whole-file', edits: [{ kind: 'rewrite', file: 'src/math.ts', content: `${code}\n` }] });
    },
  );

  it('reads the path from a comment on the first line and drops that line', () => {
    const result = parseReply(`The fix:\n\`\`\`ts\n// src/math.ts\n${code}\n\`\`\``);
    expect(result).toMatchObject({ edits: [{ file: 'src/math.ts', content: `${code}\n` }], reasoning: 'The fix:' });
  });

  it('reads several files and skips fences without a path', () => {
    const reply = `Run this:\n\`\`\`sh\nnpm test\n\`\`\`\nsrc/a.ts\n\`\`\`ts\nexport const a = 1;\n\`\`\`\nsrc/b.ts\n\`\`\`ts\nexport const b = 2;\n\`\`\``;
    const result = parseReply(reply);
    expect(result.status === 'parsed' && result.edits.map((edit) => edit.file)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('keeps a longer fence open across an inner one', () => {
    const reply = 'README.md\n````md\n# Title\n```ts\nx();\n```\n````';
    expect(parseReply(reply)).toMatchObject({ edits: [{ file: 'README.md', content: '# Title\n```ts\nx();\n```\n' }] });
  });

  it('refuses content that elides code', () => {
    const reply = `src/math.ts\n\`\`\`ts\nimport { x } from './x.js';\n\n// ... existing code ...\n${code}\n\`\`\``;
    expect(parseReply(reply)).toEqual({
      status: 'malformed',
      reason: 'the new content of src/math.ts elides code (`// ... existing code ...`); send the complete file, every line of it',
      problem: 'lazy',
    });
  });

  it('refuses a file cut off by the end of the reply', () => {
    expect(parseReply(`src/math.ts\n\`\`\`ts\n${code}`)).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('ended inside the block for src/math.ts'),
    });
  });

  it('finds nothing in a reply whose fences name no file', () => {
    expect(parseReply('Try this:\n```ts\nadd(1, 2);\n```')).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('no edit found in the reply'),
    });
  });
});
