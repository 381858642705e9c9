const reserved: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval'
  ).split(' '),
);

/** Whether `name` can name a parameter or a binding as written. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !reserved.has(name);
}

/** Parameter names that are identifiers and distinct: `value, value2`; `arg1` for one that is not an identifier. */
export function parameterNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, index) => {
    const base = isPlainIdentifier(raw) ? raw : `arg${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}${count}`;
  });
}

/** A property or method name as written in a class body: quoted when it is not an identifier. */
export function memberKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** `users/fetch-users.ts` → `fetchUsers`: a name for a default export's function or class. */
export function nameFromFile(file: string): string {
  const base = (file.split('/').pop() ?? 'module').replace(/\..*$/, '');
  const camel = base.replace(/[^A-Za-z0-9]+(.)/g, (_, next: string) => next.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  const name = /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
  return isPlainIdentifier(name) ? name : `${name}Module`;
}
