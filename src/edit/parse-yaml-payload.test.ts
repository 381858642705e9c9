import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';

describe('parseReply: YAML payload', () => {
  it('reads an update from a yaml fence', () => {
    const reply = `Here you go.\n\`\`\`yaml
reasoning: "The logic for calculating tax is incorrect."
file_to_patch: "src/payment.ts"
update:
  old_str: "const tax = amount * 0.075"
  new_str: "const tax = amount * 0.088"
\`\`\``;
    expect(parseReply(reply)).toEqual({
      status: 'parsed',
      format: 'yaml',
      reasoning: 'The logic for calculating tax is incorrect.',
      edits: [{ kind: 'update', file: 'src/payment.ts', oldText: 'const tax = amount * 0.075', newText: 'const tax = amount * 0.088' }],
    });
  });

  it('reads new_content from a bare YAML reply', () => {
    const reply = 'reasoning: add was wrong\nfile_to_patch: ./src/math.ts\nnew_content: |\n  export const add = (a, b) => a + b;\n';
    expect(parseReply(reply)).toMatchObject({
      reasoning: 'add was wrong',
      edits: [{ kind: 'rewrite', file: 'src/math.ts', content: 'export const add = (a, b) => a + b;\n' }],
    });
  });

  it('reads a patch after some prose', () => {
    const reply = 'Sure, here is the payload:\nreasoning: off by one\nfile_to_patch: src/a.ts\npatch: |\n  @@ -1 +1 @@\n  -a\n  +b\n';
    expect(parseReply(reply)).toMatchObject({ edits: [{ kind: 'patch', file: 'src/a.ts', diff: '@@ -1 +1 @@\n-a\n+b\n' }] });
  });

  it('falls back to the prose for a payload without reasoning', () => {
    const reply = 'The bound is wrong.\n```yaml\nfile_to_patch: a.ts\nupdate:\n  old_str: "<"\n  new_str: "<="\n```';
    expect(parseReply(reply)).toMatchObject({ reasoning: 'The bound is wrong.' });
  });

  it('refuses both update and new_content', () => {
    const reply = 'file_to_patch: a.ts\nupdate:\n  old_str: a\n  new_str: b\nnew_content: c\n';
    expect(parseReply(reply)).toEqual({
      status: 'malformed',
      reason: 'the YAML payload has both `update` and `new_content`; it needs exactly one of `update`, `patch`, `new_content`',
      problem: 'invalid',
    });
  });

  it('refuses a payload without any edit', () => {
    expect(parseReply('reasoning: hm\nfile_to_patch: a.ts\n')).toMatchObject({ status: 'malformed', reason: expect.stringContaining('has none of') });
  });

  it('refuses an update without old_str', () => {
    const reply = 'file_to_patch: a.ts\nupdate:\n  new_str: b\n';
    expect(parseReply(reply)).toEqual({
      status: 'malformed',
      reason: 'the YAML payload is invalid: `update` needs `old_str`: the exact text to replace, as a string',
      problem: 'invalid',
    });
  });

  it('refuses an update that is not a mapping', () => {
    expect(parseReply('file_to_patch: a.ts\nupdate: fix it\n')).toMatchObject({ reason: expect.stringContaining('`update` must be a mapping') });
  });

  it('refuses new_content that elides code', () => {
    const reply = 'file_to_patch: a.py\nnew_content: |\n  import os\n  # ...\n';
    expect(parseReply(reply)).toMatchObject({ status: 'malformed', reason: expect.stringContaining('elides code (`# ...`)') });
  });

  it('reports YAML that does not parse', () => {
    const reply = '```yaml\nfile_to_patch: a.ts\nupdate:\n  old_str: "a\n new_str: [\n```';
    expect(parseReply(reply)).toMatchObject({ status: 'malformed', reason: expect.stringMatching(/^the YAML payload does not parse: .+; quote strings/) });
  });
});
