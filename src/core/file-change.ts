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

/**
 * How a file's bytes become the text that edits work on, and back, without losing a byte. UTF-8 when the bytes
 * are UTF-8 (a byte-order mark is kept aside and put back), latin-1 otherwise: latin-1 maps every byte to one
 * character and back, so a file in any other single-byte encoding survives untouched outside the edited lines.
 */
export type FileEncoding = 'utf8' | 'utf8-bom' | 'latin1';
