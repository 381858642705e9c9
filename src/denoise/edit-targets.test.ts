import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import { editTargets, expectedModules } from './edit-targets.js';

const imports = new Map([['test/a.test.ts', ['src/a.ts', 'src/b.ts']]]);
const editable = (file: string) => file.startsWith('src/');

describe('editTargets', () => {
  it('takes the editable files on the failures’ frames', () => {
    const failure = aResult('x', 'failed');
    const frames = [
      { file: 'src/b.ts', line: 3 },
      { file: 'test/a.test.ts', line: 9 },
    ];
    const framed = { ...failure, failure: { message: 'boom', output: '', frames } };
    expect([...editTargets([framed], imports, editable)]).toEqual(['src/b.ts']);
  });

  it('takes the test file’s direct imports when no frame names editable code', () => {
    const failure = aResult('x', 'failed');
    const unframed = { ...failure, failure: { message: 'expected 1', output: '', frames: [{ file: 'test/a.test.ts', line: 9 }] } };
    expect([...editTargets([unframed], imports, editable)]).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('adds the modules the expectations summary names', () => {
    const summary =
      '// src/stack.ts — missing; imported by test/stack.test.ts\nexport class Stack {}\n\n// src/a.ts — exists; imported by test/a.test.ts\nexport function a(): void;\n';
    expect(expectedModules({ summary, findings: [] })).toEqual(['src/stack.ts', 'src/a.ts']);
    expect(expectedModules(undefined)).toEqual([]);
    expect([...editTargets([], imports, editable, { summary, findings: [] })]).toEqual(['src/stack.ts', 'src/a.ts']);
  });
});
