import { describe, expect, it } from 'vitest';
import { findSensitiveEdits } from './sensitive-edits.js';

describe('findSensitiveEdits', () => {
  it('calls out each allowed change that runs code or changes dependencies', () => {
    const before = '{"name":"app","scripts":{"test":"vitest run"}}\n';
    const after = '{"name":"app","scripts":{"test":"vitest run","postinstall":"node -e 0"}}\n';
    expect(
      findSensitiveEdits([
        { file: 'package.json', before, after },
        { file: '.npmrc', before: undefined, after: 'ignore-scripts=false\n' },
        { file: 'src/a.ts', before: 'a', after: 'b' },
        { file: 'packages/a/package.json', before, after: before.replace('"app"', '"b"') },
      ]),
    ).toEqual([
      { file: 'package.json', message: 'changes scripts.postinstall' },
      { file: '.npmrc', message: 'configures the package manager' },
    ]);
  });
});
