import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../core/errors.js';
import { describeFsCode, describeFsFailure } from './fs-failure.js';

const fsError = (code: string, path?: string) => Object.assign(new Error(`${code}: failed`), { code, ...(path === undefined ? {} : { path }) });

describe('describeFsFailure', () => {
  it('names the file relative to the project, in words', () => {
    expect(describeFsFailure(fsError('EROFS', '/work/p/src/a.ts'), '/work/p')).toBe('src/a.ts: read-only file system');
    expect(describeFsFailure(fsError('EACCES', '/elsewhere/a.ts'), '/work/p')).toBe('/elsewhere/a.ts: permission denied');
  });

  it('finds the file-system error along the cause chain, past redgreen errors', () => {
    const wrapped = new WorkspaceError('cannot create the state dir', { cause: fsError('ENOTDIR', '/work/p/.redgreen/runs') });
    expect(describeFsFailure(wrapped, '/work/p')).toBe('.redgreen/runs: a path component is not a directory');
    expect(describeFsCode(wrapped)).toBe('a path component is not a directory');
  });

  it('shows an unknown code as itself, and nothing for other errors', () => {
    expect(describeFsCode(fsError('EXDEV'))).toBe('EXDEV');
    expect(describeFsFailure(new Error('plain'))).toBeUndefined();
  });
});
