import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/runner/command/command-runner.js';
import { processesMentioning } from './runner-processes.js';

describe('createCommandRunner', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-command-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports a zero exit as one passed synthetic test', async () => {
    const report = await createCommandRunner('echo ok').run(dir, { timeoutMs: 10_000 });
    expect(report).toMatchObject({ status: 'complete', runner: 'command:echo ok', output: 'ok' });
    expect(report.results).toEqual([{ id: { file: '<command>', name: 'echo ok' }, status: 'passed', durationMs: expect.any(Number) }]);
  });

  it('reports a non-zero exit as a failure carrying the normalized output', async () => {
    const command = `echo "\u001b[31mbroken at ${dir}/src/a.js:3:1\u001b[39m"; exit 3`;
    const report = await createCommandRunner(command).run(dir, { timeoutMs: 10_000 });
    expect(report.status).toBe('complete');
    expect(report.results[0]?.status).toBe('failed');
    expect(report.results[0]?.failure?.message).toContain('code 3');
    expect(report.results[0]?.failure?.output).toBe('broken at src/a.js:3:1');
  });

  it('kills a hanging command and its children at the timeout', async () => {
    const report = await createCommandRunner(`sh -c 'sleep 300; echo done' & sleep 300`).run(dir, { timeoutMs: 1_000 });
    expect(report.status).toBe('timeout');
    expect(report.results[0]?.status).toBe('timeout');
    expect(processesMentioning(dir)).toEqual([]);
  });
});
