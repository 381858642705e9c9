import ts from 'typescript';

const format = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * The type text of a value as a stub should declare it: literals widened (`3` → `number`, `'a'` → `string`),
 * `any`, error types and `never[]` elements read as `unknown`, object types written `{ a: number; b: string }`.
 */
export function typeText(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
  const widened = checker.getWidenedType(checker.getBaseTypeOfLiteralType(type));
  return tidy(checker.typeToString(widened, undefined, format));
}

/** Normalizes compiler type text: no trailing `;` in object types, `any` as `unknown`. */
export function tidy(text: string): string {
  return text
    .replace(/;\s*}/g, ' }')
    .replace(/\bany\b/g, 'unknown')
    .replace(/\bnever\[\]/g, 'unknown[]');
}

/** A parameter name for an argument that is not an identifier, from its type: `n`, `text`, `items`, `options`… */
export function nameForType(nullableType: string): string {
  const type = nullableType.replace(/\s*\|\s*(?:null|undefined)\b/g, '');
  if (type === 'number' || type === 'bigint') return 'n';
  if (type === 'string') return 'text';
  if (type === 'boolean') return 'flag';
  if (type.endsWith('[]') || type.startsWith('Array<')) return 'items';
  if (type.startsWith('{')) return 'options';
  if (type.includes('=>')) return 'fn';
  if (/^[A-Z][A-Za-z0-9_]*$/.test(type)) return type[0]!.toLowerCase() + type.slice(1);
  return 'value';
}

/** The broad kind of a type text, to tell compatible readings (two object shapes) from conflicting ones (number and string). */
export function typeCategory(type: string): string {
  if (type === 'number' || type === 'string' || type === 'boolean' || type === 'bigint' || type === 'null' || type === 'undefined') return type;
  if (type.endsWith('[]') || type.startsWith('Array<') || type.startsWith('[')) return 'array';
  if (type.startsWith('{')) return 'object';
  if (type.includes('=>')) return 'function';
  if (type.includes('|')) return 'union';
  return `named:${type}`;
}
