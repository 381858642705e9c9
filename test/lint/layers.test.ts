import { join } from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layersRule } from '../../eslint/layers.js';
import { repoRoot } from '../helpers/fixture-project.js';

const srcDir = join(repoRoot, 'src');
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

describe('the layers rule', () => {
  it('allows imports to lower layers and within a unit, and refuses imports upward or sideways', () => {
    tester.run('layers', layersRule, {
      valid: [
        { filename: join(srcDir, 'loop/run-loop.ts'), code: "import { x } from '../core/attempts.js';", options: [{ srcDir }] },
        { filename: join(srcDir, 'loop/run-loop.ts'), code: "import { x } from './policy.js';", options: [{ srcDir }] },
        { filename: join(srcDir, 'cli/main.ts'), code: "const m = await import('../fix.js');", options: [{ srcDir }] },
        { filename: join(srcDir, 'fix.ts'), code: "export { resolveFixScope } from './fix-scope.js';", options: [{ srcDir }] },
        { filename: join(srcDir, 'runner/vitest/x.ts'), code: "import { readFile } from 'node:fs/promises';", options: [{ srcDir }] },
      ],
      invalid: [
        {
          filename: join(srcDir, 'core/attempts.ts'),
          code: "import type { Policy } from '../loop/policy.js';",
          options: [{ srcDir }],
          errors: [{ messageId: 'upward' }],
        },
        {
          filename: join(srcDir, 'denoise/llm-denoiser.ts'),
          code: "import { runLoop } from '../loop/run-loop.js';",
          options: [{ srcDir }],
          errors: [{ messageId: 'upward' }],
        },
        {
          filename: join(srcDir, 'runner/vitest/x.ts'),
          code: "export * from '../../builtin/types.js';",
          options: [{ srcDir }],
          errors: [{ messageId: 'upward' }],
        },
        {
          filename: join(srcDir, 'workspace/x.ts'),
          code: "const cli = await import('../cli/main.js');",
          options: [{ srcDir }],
          errors: [{ messageId: 'upward' }],
        },
        { filename: join(srcDir, 'journal/x.ts'), code: "import { x } from '../core/attempts.js';", options: [{ srcDir }], errors: [{ messageId: 'unknown' }] },
      ],
    });
  });

  it('is on for src/ in the project’s lint config, and fails a real file that imports upward', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText("import type { RunResult } from '../loop/run-loop.js';\nexport type X = RunResult;\n", {
      filePath: join(srcDir, 'core/forbidden.ts'),
    });
    expect(result?.messages.map((message) => message.ruleId)).toContain('redgreen/layers');
  });
});
