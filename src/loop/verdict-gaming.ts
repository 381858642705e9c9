import { findGamingSites } from './gaming-sites.js';

const scriptFile = /\.[cm]?[jt]sx?$/i;

/**
 * Why an edit of `file` from `before` to `after` could game the verdict, as refusal reasons (empty when it
 * cannot): what the edit adds that assigns to or redefines a built-in or a test-framework global, or ends
 * the test process early. Sites already in `before` are not the edit's doing and pass; only script files
 * are read.
 */
export function findVerdictGaming(file: string, before: string | undefined, after: string): string[] {
  if (!scriptFile.test(file)) return [];
  const existing = new Map<string, number>();
  for (const site of before === undefined ? [] : findGamingSites(file, before)) existing.set(site.reason, (existing.get(site.reason) ?? 0) + 1);
  const added = new Set<string>();
  for (const site of findGamingSites(file, after)) {
    const left = existing.get(site.reason) ?? 0;
    if (left > 0) existing.set(site.reason, left - 1);
    else added.add(site.reason);
  }
  return [...added].map((reason) => `refusing an edit to ${file}: ${reason}`);
}
