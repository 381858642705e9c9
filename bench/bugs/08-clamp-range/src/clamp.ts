/**
 * Restricts `value` to the closed interval [min, max].
 * Throws a RangeError when the interval is empty (min greater than max).
 */
export function clamp(value: number, min: number, max: number): number {
  if (min < max) {
    throw new RangeError(`empty interval [${min}, ${max}]`);
  }
  if (value < min) {
    return min;
  }
  if (value > max) {
    return max;
  }
  return value;
}
