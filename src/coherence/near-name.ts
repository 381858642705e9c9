import leven from 'leven';

/**
 * The name among `candidates` that `wanted` most likely stands for — a renamed or misspelt export or member:
 * the same name in another case, else the nearest one within an edit distance of 2 (and shorter than the
 * names themselves, so `a` never suggests `b`). Undefined when nothing is that near.
 */
export function nearName(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    if (name === wanted) continue;
    if (name.toLowerCase() === wanted.toLowerCase()) return name;
    const distance = leven(wanted, name);
    if (distance > 2 || distance >= Math.min(wanted.length, name.length)) continue;
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}
