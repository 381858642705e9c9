/**
 * One file's difference between the user's project and a sandbox. `before` is undefined for a file the run
 * created, `after` for a file it deleted. `file` is a project-relative POSIX path.
 */
export interface FileChange {
  readonly file: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}
