import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { isSwitchable, replaceNode } from './switchable.js';

/**
 * A variable read replaced by another visible variable of the same guessed type (`lo` ↔ `hi`, `i` ↔ `j`).
 * Functions are not swapped for values, and names with an unknown type only for each other.
 */
export const variableReplacement: Mutator = {
  name: 'variable-replacement',
  kind: 'mutator',
  prior: 0.12,
  *generate(node, context) {
    if (!ts.isIdentifier(node) || !isSwitchable(node)) return;
    const visible = context.variablesAt(node);
    const self = visible.find((v) => v.name === node.text);
    if (!self || self.kind === 'function') return;
    for (const other of visible) {
      if (other.name === self.name || other.kind === 'function' || other.type !== self.type || other.type === 'function') continue;
      const change = replaceNode(node, other.name, `\`${self.name}\` → \`${other.name}\``);
      if (change) yield change;
    }
  },
};
