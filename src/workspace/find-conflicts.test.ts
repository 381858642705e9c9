import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { findConflicts } from './find-conflicts.js';

let project: TempProject;
afterEach(() => project.cleanup());

describe('findConflicts', () => {
  it('tells files edited meanwhile from files that already hold the fix, and skips unchanged ones', async () => {
    project = await createTempProject({ 'src/a.ts': 'user edit\n', 'src/b.ts': 'fixed\n', 'src/c.ts': 'old\n' });
    const conflicts = await findConflicts(project.dir, [
      { file: 'src/a.ts', before: 'old\n', after: 'fixed\n' },
      { file: 'src/b.ts', before: 'old\n', after: 'fixed\n' },
      { file: 'src/c.ts', before: 'old\n', after: 'fixed\n' },
      { file: 'src/new.ts', before: undefined, after: 'created\n' },
    ]);
    expect(conflicts).toEqual({ edited: ['src/a.ts'], alreadyFixed: ['src/b.ts'] });
  });

  it('counts a file deleted during the run as edited', async () => {
    project = await createTempProject({});
    expect(await findConflicts(project.dir, [{ file: 'src/a.ts', before: 'old\n', after: 'fixed\n' }])).toEqual({ edited: ['src/a.ts'], alreadyFixed: [] });
  });
});
