/**
 * Reads a nested property by a dotted path (`'user.address.city'`).
 * Returns undefined as soon as a step is missing, null, or not an object.
 */
export function getPath(source: unknown, path: string): unknown {
  if (path === '') {
    return source;
  }
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
