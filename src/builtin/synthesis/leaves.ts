import type { Program } from './enumerate.js';
import type { Example } from './extract-examples.js';
import { valueType, vectorType } from './values.js';

/** Parameters and constants, each a program of size 1 (plus `p.key` reads of object parameters, size 2). */
export function leaves(params: readonly string[], examples: readonly Example[]): Program[] {
  const programs: Program[] = params.map((name, i) => {
    const values = examples.map((e) => e.args[i]);
    return { code: name, atomic: true, size: 1, values, type: vectorType(values) };
  });
  params.forEach((name, i) => {
    const first = examples[0]?.args[i];
    if (valueType(first) !== 'object') return;
    for (const key of Object.keys(first as object).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k))) {
      const values = examples.map((e) => (valueType(e.args[i]) === 'object' ? (e.args[i] as Record<string, unknown>)[key] : undefined));
      programs.push({ code: `${name}.${key}`, atomic: true, size: 2, values, type: vectorType(values) });
    }
  });
  for (const constant of constants(examples)) {
    const values = examples.map(() => constant);
    programs.push({
      code: typeof constant === 'string' ? JSON.stringify(constant).replace(/^"|"$/g, "'") : String(constant),
      atomic: typeof constant !== 'number' || constant >= 0,
      size: 1,
      values,
      type: valueType(constant),
    });
  }
  return programs;
}

function constants(examples: readonly Example[]): unknown[] {
  const found = new Set<unknown>([0, 1, 2, -1, '', true, false]);
  for (const e of examples) {
    // Expected numbers (a clamp's 255) are likely constants of the body; input numbers mostly are not.
    if (typeof e.expected === 'number' && Number.isFinite(e.expected)) found.add(e.expected);
    // Separators in expected strings (`', '`, `'-'`) are the constants string programs are most often missing.
    if (typeof e.expected === 'string') for (const ch of e.expected.match(/[^\p{L}\p{N}]/gu) ?? []) found.add(ch);
  }
  return [...found].filter((v) => typeof v !== 'string' || !v.includes("'") || v.length === 0);
}
