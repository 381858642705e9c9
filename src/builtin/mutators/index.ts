import { negateCondition, removeCondition } from './conditions.js';
import { literalReplacement } from './literals.js';
import { methodReplacement } from './method-replacement.js';
import type { Mutator } from './mutator.js';
import { offByOne } from './off-by-one.js';
import { arithmeticOperator, assignmentOperator, equalityOperator, logicalOperator, relationalBoundary, relationalOperator } from './operators.js';
import { statementDeletion, statementDuplication, statementSwap } from './statements.js';
import { swapArguments, swapOperands } from './swaps.js';
import { unaryOperator } from './unary-operator.js';
import { variableReplacement } from './variable-replacement.js';

/** Every built-in mutator (edits of code that is there), highest prior first. */
export const mutators: readonly Mutator[] = [
  relationalBoundary,
  offByOne,
  equalityOperator,
  logicalOperator,
  arithmeticOperator,
  negateCondition,
  methodReplacement,
  unaryOperator,
  assignmentOperator,
  relationalOperator,
  literalReplacement,
  removeCondition,
  swapOperands,
  swapArguments,
  variableReplacement,
  statementDeletion,
  statementSwap,
  statementDuplication,
];
