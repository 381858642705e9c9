/**
 * Formats an integer with a separator between groups of three digits
 * (`1234567` → `'1,234,567'`, `-9876` → `'-9,876'`).
 */
export function formatThousands(n: number, separator = ','): string {
  if (!Number.isInteger(n)) {
    throw new RangeError(`expected an integer, got ${n}`);
  }
  const digits = String(n);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  }
  return groups.join(separator);
}
