import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processesMentioning } from './runner-processes.js';
import { runProcess } from '../../src/runner/core/run-process.js';

describe('runProcess', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it.skipIf(process.platform !== 'linux')('resolves only once every process of the group is gone, also ones the leader left running', async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-run-process-'));
    // Background children that ignore the polite signals and keep the pipes closed: only the group kill ends them.
    const script = `for i in 1 2 3 4 5 6; do (trap '' TERM HUP INT; exec sleep 300) </dev/null >/dev/null 2>&1 & done; echo started`;
    for (let round = 0; round < 5; round++) {
      const outcome = await runProcess({ command: 'sh', args: ['-c', script], cwd: dir, env: process.env, timeoutMs: 30_000 });
      expect(outcome.output).toContain('started');
      expect(processesMentioning(dir)).toEqual([]);
    }
  });

  it.skipIf(process.platform !== 'linux')('on abort: kills the group and reports the run aborted, nothing left running', async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-run-process-'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await runProcess({
      command: 'sh',
      args: ['-c', `sleep 300 & sleep 300`],
      cwd: dir,
      env: process.env,
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    expect(outcome.aborted).toBe(true);
    expect(processesMentioning(dir)).toEqual([]);
  });
});
