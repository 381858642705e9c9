/**
 * The union of the type texts read for one slot (an argument position, a table column): `unknown` dropped,
 * `unknown[]` dropped beside a typed array, object shapes merged into one (a property some shapes lack is
 * optional), duplicates once, in first-seen order; `unknown` when nothing is known.
 */
export function unionOf(types: readonly string[]): string {
  const known = [...new Set(types.flatMap((type) => splitTopLevel(type, '|')))].filter((type) => type !== 'unknown');
  const typedArray = known.some((type) => type.endsWith('[]') && type !== 'unknown[]');
  const kept = mergeShapes(known.filter((type) => !(typedArray && type === 'unknown[]')));
  if (kept.length === 0) return 'unknown';
  return kept.length === 1 ? kept[0]! : kept.map((type) => (isBareFunction(type) ? `(${type})` : type)).join(' | ');
}

/** A function type not in brackets (an arrow at the top level): `() => void` must be `(() => void)` inside a union. */
function isBareFunction(type: string): boolean {
  let depth = 0;
  for (let index = 0; index < type.length; index++) {
    const char = type[index]!;
    if ('({[<'.includes(char)) depth++;
    else if (')}]'.includes(char) || (char === '>' && type[index - 1] !== '=')) depth--;
    else if (char === '=' && type[index + 1] === '>' && depth === 0) return true;
  }
  return false;
}

/** Object shapes (`{ a: number }`) become one shape, and so do arrays of object shapes (`{ a: number }[]`), at the first one's place. */
function mergeShapes(types: readonly string[]): string[] {
  const shapes = types.filter(isShape);
  const shapeArrays = types.filter((type) => type.endsWith('[]') && isShape(type.slice(0, -2)));
  return types.flatMap((type) => {
    if (isShape(type)) return type === shapes[0] ? [shapes.length > 1 ? mergeObjectTypes(shapes) : type] : [];
    if (shapeArrays.includes(type))
      return type === shapeArrays[0] ? [shapeArrays.length > 1 ? `${mergeObjectTypes(shapeArrays.map((array) => array.slice(0, -2)))}[]` : type] : [];
    return [type];
  });
}

function isShape(type: string): boolean {
  return (
    type.startsWith('{ ') && type.endsWith(' }') && splitTopLevel(type.slice(1, -1), ';').every((member) => /^(?:'[^']*'|"[^"]*"|[\w$]+)\??:/.test(member))
  );
}

/** `{ a: number }` and `{ a: string; b: boolean }` → `{ a: number | string; b?: boolean }`. */
function mergeObjectTypes(shapes: readonly string[]): string {
  const members = shapes.map((shape) => new Map(splitTopLevel(shape.slice(1, -1), ';').map(memberOf)));
  const keys = [...new Set(members.flatMap((map) => [...map.keys()]))];
  const merged = keys.map((key) => {
    const present = members.filter((map) => map.has(key));
    const optional = present.length < members.length || present.some((map) => map.get(key)!.optional);
    return `${key}${optional ? '?' : ''}: ${unionOf(present.map((map) => map.get(key)!.type))}`;
  });
  return merged.length === 0 ? '{}' : `{ ${merged.join('; ')} }`;
}

function memberOf(member: string): [string, { type: string; optional: boolean }] {
  const colon = member.indexOf(':');
  const key = member.slice(0, colon).trim();
  const optional = key.endsWith('?');
  return [optional ? key.slice(0, -1) : key, { type: member.slice(colon + 1).trim(), optional }];
}

/** The parts of a type text split at `separator` outside brackets and quotes. */
function splitTopLevel(type: string, separator: '|' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < type.length; index++) {
    const char = type[index]!;
    if (quote !== undefined) {
      if (char === quote && type[index - 1] !== '\\') quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if ('({[<'.includes(char)) depth++;
    else if (')}]>'.includes(char) && !(char === '>' && type[index - 1] === '=')) depth--;
    else if (char === separator && depth === 0) {
      parts.push(type.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts.filter((part) => part !== '');
}
