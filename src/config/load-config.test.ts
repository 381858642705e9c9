import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'redgreen-config-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('loadConfig', () => {
  it('reads redgreen.config.json first', async () => {
    const d = await project({ 'redgreen.config.json': '{"model":"openai:gpt-4o","maxIter":3}', 'package.json': '{"redgreen":{"model":"x"}}' });
    expect(await loadConfig(d)).toEqual({ config: { model: 'openai:gpt-4o', maxIter: 3 }, source: join(d, 'redgreen.config.json') });
  });
  it('falls back to the redgreen key of package.json, then to nothing', async () => {
    expect((await loadConfig(await project({ 'package.json': '{"redgreen":{"temperature":0.2}}' }))).config).toEqual({ temperature: 0.2 });
    expect(await loadConfig(await project({ 'package.json': '{}' }))).toEqual({ config: {} });
  });
  it('names the file and the bad key', async () => {
    const d = await project({ 'redgreen.config.json': '{"maxIter":0,"colour":"red"}' });
    await expect(loadConfig(d)).rejects.toThrow(/invalid redgreen settings in .*redgreen\.config\.json: maxIter: .*; \(root\): Unrecognized key/);
  });
  it("refuses durations past Node's timer limit, which would fire at once", async () => {
    const d = await project({ 'redgreen.config.json': '{"testTimeout":3000000}' });
    await expect(loadConfig(d)).rejects.toThrow(/testTimeout: at most 2147483 seconds/);
  });
  it('rejects broken JSON with the file name', async () => {
    await expect(loadConfig(await project({ 'redgreen.config.json': '{' }))).rejects.toThrow(/redgreen\.config\.json is not valid JSON/);
  });
});
