/**
 * The union of the type texts read for one slot (an argument position, a table column): `unknown` dropped,
 * `unknown[]` dropped beside a typed array, duplicates once, in first-seen order; `unknown` when nothing is known.
 */
export function unionOf(types: readonly string[]): string {
  const known = [...new Set(types.flatMap((type) => splitUnion(type)))].filter((type) => type !== 'unknown');
  const typedArray = known.some((type) => type.endsWith('[]') && type !== 'unknown[]');
  const kept = known.filter((type) => !(typedArray && type === 'unknown[]'));
  return kept.length === 0 ? 'unknown' : kept.join(' | ');
}

/** The members of a top-level union (`number | string` → both); other types whole. */
function splitUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < type.length; index++) {
    const char = type[index];
    if (char === '(' || char === '{' || char === '[' || char === '<') depth++;
    else if (char === ')' || char === '}' || char === ']' || char === '>') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(type.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts.filter((part) => part !== '');
}
