import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';

describe('parseReply: unified diffs', () => {
  it('splits one fenced diff into one patch per file', () => {
    const reply = [
      'Two files need fixing.',
      '```diff',
      'diff --git a/src/a.ts b/src/a.ts',
      'index 123..456 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1 +1 @@',
      '-a',
      '+A',
      '--- a/src/b.ts',
      '+++ b/src/b.ts',
      '@@ -1 +1 @@',
      '-b',
      '+B',
      '```',
    ].join('\n');
    const result = parseReply(reply);
    expect(result).toMatchObject({ status: 'parsed', format: 'unified-diff', reasoning: 'Two files need fixing.' });
    expect(result.status === 'parsed' && result.edits).toEqual([
      {
        kind: 'patch',
        file: 'src/a.ts',
        diff: 'diff --git a/src/a.ts b/src/a.ts\nindex 123..456 100644\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-a\n+A\n',
      },
      { kind: 'patch', file: 'src/b.ts', diff: '--- a/src/b.ts\n+++ b/src/b.ts\n@@ -1 +1 @@\n-b\n+B\n' },
    ]);
  });

  it('turns a /dev/null diff into a rewrite of the new file', () => {
    const reply = '```diff\n--- /dev/null\n+++ b/src/new.ts\n@@ -0,0 +1,2 @@\n+const a = 1;\n+export default a;\n```';
    expect(parseReply(reply)).toMatchObject({ edits: [{ kind: 'rewrite', file: 'src/new.ts', content: 'const a = 1;\nexport default a;\n' }] });
  });

  it('refuses deleting a file', () => {
    const reply = '```diff\n--- a/src/old.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n```';
    expect(parseReply(reply)).toMatchObject({ status: 'malformed', reason: expect.stringContaining('deleting src/old.ts is not supported') });
  });

  it('takes the file from the line before a diff without headers', () => {
    const reply = '`src/a.ts`:\n```patch\n@@ -3,1 +3,1 @@\n-a\n+b\n```';
    expect(parseReply(reply)).toMatchObject({ edits: [{ kind: 'patch', file: 'src/a.ts' }] });
  });

  it('reports a diff that names no file', () => {
    expect(parseReply('```diff\n@@ -3,1 +3,1 @@\n-a\n+b\n```')).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('does not name its file'),
    });
  });

  it('reports a diff block cut off by the end of the reply', () => {
    expect(parseReply('```diff\n--- a/x.ts\n+++ b/x.ts\n@@ -1 +1 @@\n-a\n')).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('ended inside the diff block starting at line 1'),
    });
  });

  it('reads a reply that is nothing but a diff', () => {
    const reply = '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-a\n+b\n';
    expect(parseReply(reply)).toMatchObject({ status: 'parsed', reasoning: '', edits: [{ kind: 'patch', file: 'src/a.ts' }] });
  });

  it('recognizes an untagged fence holding a diff', () => {
    const reply = '```\n--- src/a.ts\n+++ src/a.ts\n@@ -1 +1 @@\n-a\n+b\n```';
    expect(parseReply(reply)).toMatchObject({ format: 'unified-diff', edits: [{ file: 'src/a.ts' }] });
  });
});
