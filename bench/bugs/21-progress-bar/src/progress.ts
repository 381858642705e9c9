function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Renders a text progress bar of `width` cells for `done` out of `total`,
 * e.g. `[###.......] 30%`. Ratios outside 0–1 are clamped.
 */
export function progressBar(done: number, total: number, width = 10): string {
  const ratio = total <= 0 ? 1 : done / total;
  const filled = clamp(Math.round(ratio * width), width, 0);
  const percent = Math.round(clamp(ratio, 0, 1) * 100);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%`;
}
