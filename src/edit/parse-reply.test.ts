import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';

const searchReplace = 'src/a.ts\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```';
const wholeFile = 'src/b.ts\n```ts\nexport const b = 1;\n```';

describe('parseReply', () => {
  it('prefers the explicit format when a reply mixes formats', () => {
    expect(parseReply(`${wholeFile}\n${searchReplace}`)).toMatchObject({ format: 'search-replace', edits: [{ file: 'src/a.ts' }] });
  });

  it('tries the expected format first', () => {
    expect(parseReply(`${wholeFile}\n${searchReplace}`, { expectedFormat: 'whole-file' })).toMatchObject({
      format: 'whole-file',
      edits: [{ file: 'src/b.ts' }],
    });
  });

  it('says what was expected when the reply holds no edit', () => {
    const result = parseReply('I think the bug is in add().');
    expect(result.status).toBe('malformed');
    expect(result.status === 'malformed' && result.reason).toMatch(
      /^no edit found in the reply; expected a file path line.*SEARCH.*; or a ```diff block.*; or the file's path/,
    );
  });

  it('describes only the expected format when one is given', () => {
    expect(parseReply('', { expectedFormat: 'yaml' })).toEqual({
      status: 'malformed',
      reason:
        'no edit found in the reply; expected YAML with `reasoning`, `file_to_patch` and exactly one of `update: {old_str, new_str}`, `patch` or `new_content`',
      problem: 'no-edit',
    });
  });

  it('bounds the reasoning', () => {
    const result = parseReply(`${'why '.repeat(1000)}\n${searchReplace}`);
    expect(result.status === 'parsed' && result.reasoning.length).toBeGreaterThan(1990);
    expect(result.status === 'parsed' && result.reasoning.length).toBeLessThanOrEqual(2001);
    expect(result.status === 'parsed' && result.reasoning.endsWith('…')).toBe(true);
  });
});
