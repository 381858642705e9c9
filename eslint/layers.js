// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The layers of src/, lowest first. A unit (a folder of src/, or a file directly in it) may import only units
 * of a lower layer: core is the vocabulary and ports everyone speaks (no I/O); then the debug log, so that any
 * layer may log; the adapters (code analysis, editing, model back ends, isolation, config); the sandbox; the
 * test runners (whose warm sessions work in sandbox copies); coherence (contracts read from the tests,
 * scaffolding, type-check feedback); the built-in engine; the denoisers and the loop, which meet only through
 * core's ports; the fix entry point; the CLI; the package's public faces. Planned capabilities get their
 * folder in the layer they belong to when they are built.
 * @type {readonly (readonly string[])[]}
 */
export const layers = [
  ['core'],
  ['debug.ts'],
  ['analysis', 'edit', 'provider', 'isolation', 'config'],
  ['workspace'],
  ['runner'],
  ['coherence'],
  ['builtin'],
  ['denoise', 'loop'],
  ['fix-scope.ts'],
  ['fix.ts'],
  ['cli'],
  ['index.ts', 'testing.ts'],
];

/** @param {string} unit */
function layerOf(unit) {
  const index = layers.findIndex((layer) => layer.includes(unit));
  return index === -1 ? undefined : index;
}

/**
 * The unit of an absolute path under `srcDir`: its first segment (a folder, or a file directly in src/).
 * @param {string} srcDir
 * @param {string} path
 */
function unitOf(srcDir, path) {
  const rel = relative(srcDir, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  const first = rel.split(sep)[0] ?? '';
  return first.replace(/\.js$/, '.ts');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports in src/ go only to lower layers (see eslint/layers.js)' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward: '{{from}} (layer {{fromLayer}}) may not import {{to}} (layer {{toLayer}}): imports go to lower layers only (eslint/layers.js)',
      unknown: '{{unit}} is in no layer: add it to eslint/layers.js',
    },
  },
  create(context) {
    const options = /** @type {{ srcDir?: string } | undefined} */ (context.options[0]);
    const srcDir = resolve(options?.srcDir ?? resolve(context.cwd, 'src'));
    const from = unitOf(srcDir, context.filename);
    if (from === undefined) return {};
    const fromLayer = layerOf(from);
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = unitOf(srcDir, resolve(dirname(context.filename), source));
      if (to === undefined || to === from) return;
      const toLayer = layerOf(to);
      if (fromLayer === undefined) return context.report({ node, messageId: 'unknown', data: { unit: from } });
      if (toLayer === undefined) return context.report({ node, messageId: 'unknown', data: { unit: to } });
      if (toLayer >= fromLayer) context.report({ node, messageId: 'upward', data: { from, to, fromLayer: String(fromLayer), toLayer: String(toLayer) } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
