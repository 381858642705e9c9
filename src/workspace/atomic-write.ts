import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDir } from './no-follow.js';

/** The marker in every temp file name, so leftovers can be recognised. */
export const tempMarker = '.redgreen-tmp-';

/** The temp file `writeFileAtomic` uses for `path` with `tag` (random when not given). */
export function tempPathFor(path: string, tag: string = randomBytes(6).toString('hex')): string {
  return join(dirname(path), `${basename(path)}${tempMarker}${tag}`);
}

export interface AtomicWriteOptions {
  /** The new file's mode (pass the old file's mode to keep it executable). */
  readonly mode?: number;
  /** The temp file to write first (default: a random name beside `path`); it must not exist. */
  readonly tempPath?: string;
}

/**
 * Replaces `path` with `content` so that readers see either the old or the new file, never half of one: the
 * content goes to a temp file in the same directory (created exclusively, so never through a link), is
 * fsynced, then renamed over `path` (which replaces a link rather than following it), and the directory is
 * fsynced.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, modeOrOptions?: number | AtomicWriteOptions): Promise<void> {
  const options = typeof modeOrOptions === 'number' ? { mode: modeOrOptions } : (modeOrOptions ?? {});
  const { mode } = options;
  const temp = options.tempPath ?? tempPathFor(path);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    // The umask narrows `open`'s mode; chmod sets the mode we were asked for.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}
