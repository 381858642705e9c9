import type { Dialect } from './dialect.js';

/** The base name of the generated module every stub imports its error from. */
export const notImplementedBaseName = 'not-implemented';

/**
 * The text of the one small module the stubs share: `NotImplementedError` (message `not implemented: <symbol>`)
 * and `notImplementedValue`, a stand-in for an exported value that throws the same error when it is used.
 */
export function notImplementedModule(dialect: Dialect): string {
  const ts = dialect.lang === 'ts';
  const exported = dialect.module === 'esm' ? 'export ' : '';
  const lines = [
    '/** Thrown by a scaffolded stub that is not implemented yet: the message names the symbol to implement. */',
    `${exported}class NotImplementedError extends Error {`,
    `  constructor(symbol${ts ? ': string' : ''}) {`,
    '    super(`not implemented: ${symbol}`);',
    "    this.name = 'NotImplementedError';",
    '  }',
    '}',
    '',
    '/** A stand-in for an exported value that is not implemented yet: reading, calling or constructing it throws NotImplementedError. */',
    ...(ts ? [] : ['/** @template T @param {string} symbol @returns {T} */']),
    `${exported}function notImplementedValue${ts ? '<T>' : ''}(symbol${ts ? ': string' : ''})${ts ? ': T' : ''} {`,
    `  const fail = ()${ts ? ': never' : ''} => {`,
    '    throw new NotImplementedError(symbol);',
    '  };',
    '  const traps = { get: fail, set: fail, has: fail, apply: fail, construct: fail, ownKeys: fail, getPrototypeOf: fail, defineProperty: fail, deleteProperty: fail };',
    `  return new Proxy(function stub() {}, traps)${ts ? ' as T' : ''};`,
    '}',
    ...(dialect.module === 'cjs' ? ['', 'module.exports = { NotImplementedError, notImplementedValue };'] : []),
  ];
  return `${lines.join('\n')}\n`;
}
