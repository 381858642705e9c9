import { describe, expect, it } from 'vitest';
import { fixJsonOutputSchema } from '../../test/helpers/json-contract-schema.js';
import { main } from './main.js';
import { captureIo } from '../../test/helpers/capture-io.js';

const argv = (...args: string[]) => ['node', 'redgreen', ...args];

describe('main: the error boundary under --json', () => {
  it('prints nothing on stdout for a usage error without --json', async () => {
    const io = captureIo();
    expect(await main(argv('fix', '--frobnicate'), io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err.join('')).toContain("unknown option '--frobnicate'");
  });

  it('prints one JSON error object on stdout for a usage error with --json, even before the flag is parsed', async () => {
    const io = captureIo();
    expect(await main(argv('fix', '--frobnicate', '--json'), io)).toBe(2);
    expect(io.out).toHaveLength(1);
    expect(fixJsonOutputSchema.parse(JSON.parse(io.out[0] ?? ''))).toEqual({
      schemaVersion: 1,
      status: 'error',
      exitCode: 2,
      error: { kind: 'usage', code: 'commander.unknownOption', message: "unknown option '--frobnicate'" },
    });
  });

  it('an unknown command is a usage error', async () => {
    const io = captureIo();
    expect(await main(argv('frobnicate', '--json'), io)).toBe(2);
    expect(JSON.parse(io.out[0] ?? '')).toMatchObject({ status: 'error', exitCode: 2, error: { kind: 'usage' } });
  });

  it('--json after `--` is an argument, not the flag', async () => {
    const io = captureIo();
    expect(await main(argv('fix', '--frobnicate', '--', '--json'), io)).toBe(2);
    expect(io.out).toEqual([]);
  });

  it('a config error from the command has kind config and exit code 2', async () => {
    const io = captureIo();
    expect(await main(argv('fix', '/no/such/project/dir', '--json'), io)).toBe(2);
    expect(fixJsonOutputSchema.parse(JSON.parse(io.out[0] ?? ''))).toMatchObject({ exitCode: 2, error: { kind: 'config', code: 'E_CONFIG' } });
  });

  it('--help and --version print their text and no JSON', async () => {
    const help = captureIo();
    expect(await main(argv('--help', '--json'), help)).toBe(0);
    expect(help.out.join('')).toContain('Usage: redgreen');
    expect(help.out.join('')).toContain('--verbose');
    expect(help.out.join('')).toContain('--no-color');
    const fixHelp = captureIo();
    expect(await main(argv('fix', '--help'), fixHelp)).toBe(0);
    expect(fixHelp.out.join('')).toContain('--max-iter');
    expect(fixHelp.out.join('')).toContain('--verbose');
    const version = captureIo();
    expect(await main(argv('--version'), version)).toBe(0);
    expect(version.out.join('')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
