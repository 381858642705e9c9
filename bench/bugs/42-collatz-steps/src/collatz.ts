/**
 * Number of halve-or-triple-plus-one steps needed to bring a positive integer down to 1.
 */
export function collatzSteps(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`expected a positive integer, got ${n}`);
  }
  let steps = 0;
  while (n !== 1) {
    steps++;
  }
  return steps;
}

/** The start value in [1, limit] with the most steps (the smallest one on ties). */
export function longestChainBelow(limit: number): number {
  let best = 1;
  let bestSteps = 0;
  for (let i = 2; i <= limit; i++) {
    const steps = collatzSteps(i);
    if (steps > bestSteps) {
      best = i;
      bestSteps = steps;
    }
  }
  return best;
}
