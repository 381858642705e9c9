import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Candidate, TextChange } from '../../src/builtin/types.js';

/** Builds candidates for a file of a project by the text they replace (the first occurrence unless told). */
export async function candidateFactory(projectDir: string, file: string) {
  const text = await readFile(join(projectDir, file), 'utf8');
  let nextId = 1;
  const change = (target: string, replacement: string, node: TextChange['node'] = 'expression', occurrence = 0): TextChange => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(target, start + 1);
    if (start < 0) throw new Error(`no "${target}" in ${file}`);
    return { file, start, end: start + target.length, text: replacement, node };
  };
  const insertAfter = (target: string, inserted: string): TextChange => {
    const at = text.indexOf(target) + target.length;
    return { file, start: at, end: at, text: inserted, node: 'statement' };
  };
  const candidate = (...changes: TextChange[]): Candidate => ({
    id: nextId++,
    changes,
    operator: 'test',
    description: changes.map((c) => c.text).join(' + '),
    score: 1,
  });
  return { text, change, insertAfter, candidate };
}
