import type { FileEncoding } from './file-text.js';

/**
 * One file's difference between the user's project and a sandbox. `before` is undefined for a file the run
 * created, `after` for a file it deleted. `file` is a project-relative POSIX path. Texts are decoded as in
 * file-text.ts, so encoding them again gives back the exact bytes.
 */
export interface FileChange {
  readonly file: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  /** How `after` maps to bytes; absent: the encoding of the file on disk, UTF-8 for a new file. */
  readonly encoding?: FileEncoding;
}
