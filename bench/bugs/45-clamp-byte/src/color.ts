/**
 * Rounds a channel value and limits it to the byte range 0–255.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function toByte(x: number): number {
  throw new Error('not implemented');
}

/** Parses a `#rrggbb` colour into its three channels. */
export function fromHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) {
    throw new SyntaxError(`not a #rrggbb colour: ${hex}`);
  }
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** Formats an RGB triple as a `#rrggbb` hex colour, clamping each channel. */
export function toHex(r: number, g: number, b: number): string {
  return '#' + [r, g, b].map((c) => toByte(c).toString(16).padStart(2, '0')).join('');
}
