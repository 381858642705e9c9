import { realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunDir {
  readonly dir: string;
  /** The file the reporters append their events to (see runner-events.ts). */
  readonly eventsFile: string;
  /** Writes a generated file (a reporter) into the run dir and returns its absolute path. */
  write(name: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A private temp dir per run, outside the project, for the generated reporters and the events file:
 * generating reporters at run time works the same from src/ under vitest and from dist/ after tsc.
 */
export async function createRunDir(): Promise<RunDir> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-run-'));
  const eventsFile = join(dir, 'events.jsonl');
  await writeFile(eventsFile, '');
  return {
    dir,
    eventsFile,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The cwd and its realpath, the prefixes that make reported paths project-relative. */
export function projectRoots(cwd: string): string[] {
  let real = cwd;
  try {
    real = realpathSync(cwd);
  } catch {
    // a missing cwd surfaces as a spawn error
  }
  return [...new Set([cwd, real])];
}

/** The environment the project's tests run with: no colors, no watch, no TTY tricks. */
export function projectEnv(extra: Readonly<Record<string, string>> | undefined): Record<string, string | undefined> {
  // redgreen may itself run under vitest or jest; their worker variables must not leak into the project's run
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^VITEST|^JEST_WORKER_ID$/.test(key)));
  return { ...inherited, ...extra, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** `projectEnv` plus where redgreen's generated reporter writes its events. */
export function runnerEnv(extra: Readonly<Record<string, string>> | undefined, eventsFile: string): Record<string, string | undefined> {
  return { ...projectEnv(extra), REDGREEN_EVENTS_FILE: eventsFile };
}
