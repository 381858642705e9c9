import leven from 'leven';
import type { z } from 'zod';
import { fixOptionNames, fixOptions } from './options.js';

/**
 * One readable line per problem in a config's settings, each naming the file (`where`) and the key:
 * `redgreen.config.json: unknown key "maxIters" — did you mean "maxIter"?`,
 * `redgreen.config.json: testTimeout: expected a number of seconds, got "ten"`.
 */
export function describeProblems(issues: readonly z.core.$ZodIssue[], where: string, knownKeys: readonly string[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      return issue.keys.map((key) => `${where}: ${unknownKey(key, knownKeys)}`);
    }
    const key = issue.path.map(String).join('.') || '(settings)';
    const got = 'input' in issue ? `, got ${show(issue.input)}` : ' (missing)';
    return [`${where}: ${key}: ${issue.message}${got}`];
  });
}

function unknownKey(key: string, knownKeys: readonly string[]): string {
  const flagOnly = fixOptionNames.find((name) => name === key && !fixOptions[name].config);
  if (flagOnly !== undefined) return `"${key}" is for the command line only (${longFlag(fixOptions[flagOnly].flag)}), not a config file`;
  const suggestion = closest(key, knownKeys);
  return suggestion === undefined ? `unknown key "${key}"` : `unknown key "${key}" — did you mean "${suggestion}"?`;
}

/** The known key nearest to `key`, when it is near enough to be a typo (kebab-case and case slips included). */
export function closest(key: string, knownKeys: readonly string[]): string | undefined {
  const plain = (s: string) => s.replaceAll(/[-_]/g, '').toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const known of knownKeys) {
    const distance = plain(known) === plain(key) ? 0 : leven(key, known);
    if (best === undefined || distance < best.distance) best = { key: known, distance };
  }
  const limit = Math.max(2, Math.floor(key.length / 3));
  return best !== undefined && best.distance <= limit ? best.key : undefined;
}

function longFlag(flag: string): string {
  return /--[a-z-]+/.exec(flag)?.[0] ?? flag;
}

function show(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return typeof value;
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
