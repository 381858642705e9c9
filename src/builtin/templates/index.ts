import type { Mutator } from '../mutators/mutator.js';
import { baseCase } from './base-case.js';
import { boundsGuard } from './bounds-guard.js';
import { loopUpdate } from './loop-update.js';
import { missingReturn } from './missing-return.js';
import { nullGuard } from './null-guard.js';
import { returnExpression } from './return-expression.js';

/** Every built-in repair template (code-adding edits). */
export const templates: readonly Mutator[] = [missingReturn, nullGuard, loopUpdate, returnExpression, baseCase, boundsGuard];
