import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWriterRunning } from './writer-running.js';

function deadPid(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolvePromise(child.pid ?? -1));
  });
}

describe('isWriterRunning', () => {
  it('is false for a process that has exited', async () => {
    expect(await isWriterRunning(await deadPid(), Date.now())).toBe(false);
  });

  it('is true for a running process that started before the record', async () => {
    expect(await isWriterRunning(process.ppid, Date.now())).toBe(true);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('is false for a running process that started after the record: the pid was reused', async () => {
    expect(await isWriterRunning(process.ppid, Date.parse('2000-01-01T00:00:00Z'))).toBe(false);
  });
});
