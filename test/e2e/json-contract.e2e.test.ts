import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { fixJsonResultSchema, jsonErrorResultSchema, parseJsonOutput } from '../helpers/json-contract-schema.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('--json is a contract: one object on stdout that validates, with the exit code of the run', () => {
  it('a usage error (an unknown flag) prints a JSON error object, exit code 2', async () => {
    const run = await runCli(['fix', '--no-such-flag', '--json']);
    expect(run.code).toBe(2);
    const error = jsonErrorResultSchema.parse(parseJsonOutput(run.stdout));
    expect(error).toMatchObject({ schemaVersion: 1, status: 'error', exitCode: 2, error: { kind: 'usage', code: 'commander.unknownOption' } });
    expect(error.error.message).toContain('--no-such-flag');
    // The human message still goes to stderr.
    expect(run.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('a flag value out of range is a usage error too', async () => {
    const run = await runCli(['fix', '--json', '--max-iter', '0']);
    expect(run.code).toBe(2);
    expect(jsonErrorResultSchema.parse(parseJsonOutput(run.stdout)).error).toMatchObject({ kind: 'usage', message: expect.stringContaining('--max-iter') });
  });

  it('a config error prints a JSON error object with the same exit code as without --json', async () => {
    project = await copyFixture('vitest-basic');
    await writeFile(join(project.dir, 'redgreen.config.json'), '{ "maxIter": -1 }\n');
    const plain = await runCli(['fix', project.dir, '--dry-run']);
    const json = await runCli(['fix', project.dir, '--dry-run', '--json']);
    expect(plain.code).toBe(2);
    expect(json.code).toBe(plain.code);
    expect(plain.stdout).toBe('');
    const error = jsonErrorResultSchema.parse(parseJsonOutput(json.stdout));
    expect(error).toMatchObject({ exitCode: 2, error: { kind: 'config', code: 'E_CONFIG', message: expect.stringContaining('maxIter') } });
  });

  it('a project directory that does not exist is a config error', async () => {
    const run = await runCli(['fix', join(process.cwd(), 'no-such-project-dir'), '--json']);
    expect(run.code).toBe(2);
    expect(jsonErrorResultSchema.parse(parseJsonOutput(run.stdout)).error.kind).toBe('config');
  });

  it('a green run prints a result that validates', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runCli(['fix', project.dir, '--dry-run', '--json', '--budget-seconds', '60']);
    expect(run.code, run.stderr).toBe(0);
    const result = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(result).toMatchObject({ schemaVersion: 1, status: 'green', exitCode: 0, stopReason: 'green', delivery: { kind: 'dry-run' } });
    expect(result.files).toEqual(['src/math.ts']);
    expect(result.diff).toContain('+++ b/src/math.ts');
    // One chain: no chain summary and no chain on the steps, as before chains existed.
    expect(result.chains).toBeUndefined();
    expect(result.steps.every((step) => step.chain === undefined)).toBe(true);
  }, 120_000);

  it('a run with two chains carries the chain of every step and a chains summary', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runCli(['fix', project.dir, '--dry-run', '--json', '--chains', '2', '--seed', '7']);
    expect(run.code, run.stderr).toBe(0);
    const result = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(result.steps.length).toBeGreaterThan(0);
    expect(result.steps.every((step) => step.chain === 1 || step.chain === 2)).toBe(true);
    expect(result.chains?.chains.map((c) => [c.chain, c.seed])).toEqual([
      [1, 7],
      [2, 8],
    ]);
    expect(result.chains?.chains.find((c) => c.chain === result.chains?.kept)?.outcome).toBe('green');
  }, 120_000);

  it('Ctrl-C during the baseline prints one object with exit code 130', async () => {
    project = await copyFixture('vitest-hang');
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'redgreen.js'), 'fix', project.dir, '--yes', '--json', '--test-timeout', '120'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The sandbox line comes once the baseline (which hangs) is running.
      if (stderr.includes('sandbox ') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise));
    expect(code, stderr).toBe(130);
    const output = parseJsonOutput(stdout);
    expect(output.exitCode).toBe(130);
    // Cut short before the baseline had a result it is an error object; with one it is the red result.
    if (output.status === 'error') expect(output.error.kind).toBe('interrupted');
    else expect(output.stopReason).toBe('interrupted');
  }, 120_000);
});
