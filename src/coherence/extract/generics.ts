/** The type parameters explicit type arguments call for, and how a type read with those arguments is written with the parameters. */
export interface Generics {
  /** `T`, or `T`, `U`, `V`… for several. */
  readonly params: readonly string[];
  /** `number | undefined` → `T | undefined` when the tests wrote `<number>`; other types unchanged. */
  readonly substitute: (type: string) => string;
}

/**
 * From the explicit type arguments of the calls or constructions (`new Stack<number>()`, `parse<User>(…)`):
 * one type parameter per position, and a substitution of the types the tests passed there. A type the tests
 * show is a parameter's where it is that argument, an array of it, a Promise of it, or a union with it (`T |
 * undefined`). With one instantiation this cannot tell `size(): number` on a `Stack<number>` from an element:
 * such a member is typed `T` too, which the instantiation still satisfies. None when no call passes type arguments.
 */
export function genericsOf(typeArgLists: readonly (readonly string[] | undefined)[]): Generics | undefined {
  const lists = typeArgLists.filter((list): list is readonly string[] => list !== undefined && list.length > 0);
  if (lists.length === 0) return undefined;
  const count = Math.max(...lists.map((list) => list.length));
  const params = Array.from({ length: count }, (_, index) => (count === 1 ? 'T' : (['T', 'U', 'V', 'W'][index] ?? `T${index + 1}`)));
  const parameterOf = new Map<string, string>();
  for (const list of lists) list.forEach((text, index) => parameterOf.has(text) || parameterOf.set(text, params[index]!));
  const substitute = (type: string): string => {
    const exact = parameterOf.get(type);
    if (exact !== undefined) return exact;
    const members = splitUnion(type);
    if (members.length > 1) return members.map(substitute).join(' | ');
    const array = /^(.+)\[\]$/.exec(type);
    if (array?.[1] !== undefined && parameterOf.has(array[1])) return `${parameterOf.get(array[1])!}[]`;
    const promise = /^Promise<(.+)>$/.exec(type);
    return promise?.[1] !== undefined ? `Promise<${substitute(promise[1])}>` : type;
  };
  return { params, substitute };
}

/** The members of a top-level union (`A | B<C | D>` → `A`, `B<C | D>`). */
function splitUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < type.length; index++) {
    const char = type[index];
    if (char === '<' || char === '(' || char === '{' || char === '[') depth++;
    else if (char === '>' || char === ')' || char === '}' || char === ']') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(type.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts.filter((part) => part !== '');
}
