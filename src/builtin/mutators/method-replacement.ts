import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { changeWithin } from './switchable.js';

/** Methods often confused with each other on the same receiver; each maps to the ones to try instead. */
export const methodAlternatives: Readonly<Record<string, readonly string[]>> = {
  push: ['unshift'],
  unshift: ['push'],
  pop: ['shift'],
  shift: ['pop'],
  slice: ['splice', 'substring'],
  splice: ['slice'],
  substring: ['slice', 'substr'],
  substr: ['substring'],
  indexOf: ['lastIndexOf', 'includes'],
  lastIndexOf: ['indexOf'],
  includes: ['indexOf'],
  some: ['every'],
  every: ['some'],
  find: ['findLast', 'filter'],
  findLast: ['find'],
  findIndex: ['findLastIndex', 'indexOf'],
  findLastIndex: ['findIndex'],
  filter: ['find'],
  reduce: ['reduceRight'],
  reduceRight: ['reduce'],
  startsWith: ['endsWith', 'includes'],
  endsWith: ['startsWith', 'includes'],
  toUpperCase: ['toLowerCase'],
  toLowerCase: ['toUpperCase'],
  trim: ['trimStart', 'trimEnd'],
  trimStart: ['trimEnd', 'trim'],
  trimEnd: ['trimStart', 'trim'],
  padStart: ['padEnd'],
  padEnd: ['padStart'],
  replace: ['replaceAll'],
  replaceAll: ['replace'],
  min: ['max'],
  max: ['min'],
  floor: ['ceil', 'round'],
  ceil: ['floor', 'round'],
  round: ['floor', 'ceil'],
  trunc: ['floor', 'round'],
  keys: ['values', 'entries'],
  values: ['keys', 'entries'],
  entries: ['keys', 'values'],
  concat: ['push'],
  sort: ['reverse'],
  forEach: ['map'],
  map: ['forEach', 'flatMap'],
  flatMap: ['map'],
};

/** `xs.push(x)` → `xs.unshift(x)`: a wrong method of the same receiver (the change covers the whole call). */
export const methodReplacement: Mutator = {
  name: 'method-replacement',
  kind: 'mutator',
  prior: 0.3,
  *generate(node) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const name = node.expression.name;
    for (const alternative of Object.hasOwn(methodAlternatives, name.text) ? (methodAlternatives[name.text] ?? []) : []) {
      const change = changeWithin(node, name.getStart(), name.end, alternative, `\`.${name.text}()\` → \`.${alternative}()\``);
      if (change) yield change;
    }
  },
};
