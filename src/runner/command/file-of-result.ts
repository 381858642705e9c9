import { projectPath } from '../core/stack-frames.js';

/** The file of results whose format does not say which file they belong to, and of the command's own result. */
export const commandFile = '<command>';

const sourceFile = /(?:^|[/\\])[^/\\\s]+\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|php|cs|swift|exs?)$/;

/** Whether a title or attribute names a source file (node --test names a file's top-level subtest by its path). */
export function isFilePath(text: string): boolean {
  return sourceFile.test(text) && !/\s/.test(text.replace(/\\ /g, ''));
}

/** A reported path as a project-relative POSIX path (`./` dropped); a path outside the project stays as it is. */
export function projectFile(path: string, roots: readonly string[]): string {
  return (projectPath(path, roots) ?? path).replace(/^\.\//, '');
}
