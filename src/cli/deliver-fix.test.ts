import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import type { RunResult } from '../core/run-result.js';
import { replyStats } from '../loop/reply-stats.js';
import { unifiedDiff } from '../workspace/run-files.js';
import { deliverFix } from './deliver-fix.js';
import type { CliIo } from './io.js';

const change = { file: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 2;\n' };

function greenResult(): RunResult {
  return {
    runId: '20261202-101010-abcdef',
    status: 'green',
    stopReason: 'green',
    baseline: { passed: 0, failed: 1, total: 1 },
    final: { passed: 1, failed: 0, total: 1 },
    stillFailing: [],
    flaky: [],
    failures: [],
    attempts: [],
    changes: [change],
    diff: unifiedDiff([change]),
    usage: { promptTokens: 0, completionTokens: 0 },
    replies: replyStats([]),
    durationMs: 1,
  };
}

function quietIo(cwd: string, isInteractive = false): CliIo {
  return { stdout: () => undefined, stderr: () => undefined, stdin: new PassThrough(), prompt: new PassThrough(), isInteractive, color: false, cwd };
}

let project: TempProject;
afterEach(() => project.cleanup());

describe('deliverFix', () => {
  it('applies a green fix with --yes', async () => {
    project = await createTempProject({ 'src/a.ts': change.before });
    const delivered = await deliverFix(project.dir, greenResult(), { yes: true }, quietIo(project.dir));
    expect(delivered.delivery).toMatchObject({ kind: 'applied', files: ['src/a.ts'] });
    expect(await readFile(join(project.dir, 'src/a.ts'), 'utf8')).toBe(change.after);
  });

  it('keeps the fix as a patch and names the file when the user edited it during the run', async () => {
    project = await createTempProject({ 'src/a.ts': 'export const a = 1; // mine\n' });
    const delivered = await deliverFix(project.dir, greenResult(), { yes: true }, quietIo(project.dir));
    expect(delivered.refused).toBe(true);
    expect(delivered.delivery).toMatchObject({ kind: 'saved', reason: 'your edits to src/a.ts during the run conflict with the fix' });
    const patchFile = (delivered.delivery as { patchFile: string }).patchFile;
    expect(await readFile(patchFile, 'utf8')).toBe(greenResult().diff);
    expect(await readFile(join(project.dir, 'src/a.ts'), 'utf8')).toBe('export const a = 1; // mine\n');
  });

  it('says so when the project already holds the fix', async () => {
    project = await createTempProject({ 'src/a.ts': change.after });
    const delivered = await deliverFix(project.dir, greenResult(), { yes: true }, quietIo(project.dir));
    expect(delivered.delivery).toMatchObject({ kind: 'saved', reason: 'src/a.ts already holds the fix (changed on disk during the run)' });
  });

  it('applies nothing once the run was stopped by a signal, and saves the fix', async () => {
    project = await createTempProject({ 'src/a.ts': change.before });
    const stop = new AbortController();
    stop.abort();
    const delivered = await deliverFix(project.dir, greenResult(), { yes: true, signal: stop.signal }, quietIo(project.dir));
    expect(delivered.interrupted).toBe(true);
    expect(delivered.delivery).toMatchObject({ kind: 'saved', reason: 'interrupted; the fix is saved, not applied' });
    expect(await readFile(join(project.dir, 'src/a.ts'), 'utf8')).toBe(change.before);
    expect(existsSync(join(project.dir, '.redgreen', 'backups'))).toBe(false);
  });
});
