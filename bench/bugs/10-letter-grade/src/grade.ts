const BANDS = [
  { min: 90, letter: 'A' },
  { min: 80, letter: 'B' },
  { min: 70, letter: 'C' },
  { min: 60, letter: 'D' },
] as const;

/**
 * Maps a percentage score (0–100) to a letter grade; each band includes its lower bound.
 */
export function letterGrade(score: number): string {
  if (score < 0 || score > 100) {
    throw new RangeError(`score out of range: ${score}`);
  }
  for (const band of BANDS) {
    if (score > band.min) {
      return band.letter;
    }
  }
  return 'F';
}
