import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { fixOptionNames } from '../config/options.js';
import { addFixFlags, givenFlags } from './fix-flags.js';

function parse(args: string[]): Record<string, unknown> {
  const command = addFixFlags(new Command('fix').exitOverride().configureOutput({ writeErr: () => undefined }));
  command.parse(args, { from: 'user' });
  return givenFlags(command, command.opts());
}

describe('addFixFlags', () => {
  it("gives each option the table's name as its key, so flags and config keys cannot drift", () => {
    const command = addFixFlags(new Command('fix'));
    expect(command.options.map((o) => o.attributeName())).toEqual(fixOptionNames);
  });

  it('parses values with the kind of each option', () => {
    expect(
      parse([
        '--max-iter',
        '3',
        '--test-timeout',
        '1.5',
        '--temperature',
        '0',
        '--seed',
        '-4',
        '--isolation',
        'basic',
        '--stream',
        '-y',
        '--config',
        'ci.json',
      ]),
    ).toEqual({ maxIter: 3, testTimeout: 1.5, temperature: 0, seed: -4, isolation: 'basic', stream: true, yes: true, config: 'ci.json' });
  });

  it('collects list flags across repeats, checking each item', () => {
    expect(parse(['--tests', 'a.test.ts', 'b.test.ts', '--tests', 'c.test.ts', '--pass-env', 'DATABASE_URL'])).toEqual({
      tests: ['a.test.ts', 'b.test.ts', 'c.test.ts'],
      passEnv: ['DATABASE_URL'],
    });
    expect(() => parse(['--pass-env', '1X'])).toThrow(/argument '1X' is invalid\. expected an environment variable name/);
  });

  it('refuses a bad value with what it expected', () => {
    expect(() => parse(['--max-iter', '0'])).toThrow(/expected a positive whole number/);
    expect(() => parse(['--max-iter', '2.5'])).toThrow(/expected a positive whole number/);
    expect(() => parse(['--format-retries', '-1'])).toThrow(/expected a whole number ≥ 0/);
    expect(() => parse(['--test-timeout', 'ten'])).toThrow(/expected a number of seconds/);
    expect(() => parse(['--test-timeout', '3000000'])).toThrow(/expected at most 2147483 seconds/);
    expect(() => parse(['--temperature', '3'])).toThrow(/expected a number from 0 to 2/);
    expect(() => parse(['--isolation', 'tight'])).toThrow(/expected strict, basic or off/);
    expect(() => parse(['--model', ''])).toThrow(/expected a non-empty string/);
  });

  it('leaves out what the user did not give, so a config file still decides (a lone --no-x flag defaults x to true)', () => {
    expect(parse([])).toEqual({});
    expect(parse(['--no-scaffold'])).toEqual({ scaffold: false });
  });
});
