import ts from 'typescript';
import { binaryOperatorMutator } from './binary-operator-mutator.js';

const K = ts.SyntaxKind;

/** `<` ↔ `<=`, `>` ↔ `>=`: the classic off-by-one at a loop bound or a range check. */
export const relationalBoundary = binaryOperatorMutator('relational-boundary', 0.6, {
  [K.LessThanToken]: [K.LessThanEqualsToken],
  [K.LessThanEqualsToken]: [K.LessThanToken],
  [K.GreaterThanToken]: [K.GreaterThanEqualsToken],
  [K.GreaterThanEqualsToken]: [K.GreaterThanToken],
});

/** Comparison direction flipped, and `===`/`!==` widened to an ordering (`i === n` → `i >= n`). */
export const relationalOperator = binaryOperatorMutator('relational-operator', 0.25, {
  [K.LessThanToken]: [K.GreaterThanToken],
  [K.LessThanEqualsToken]: [K.GreaterThanEqualsToken],
  [K.GreaterThanToken]: [K.LessThanToken],
  [K.GreaterThanEqualsToken]: [K.LessThanEqualsToken],
  [K.EqualsEqualsEqualsToken]: [K.GreaterThanEqualsToken, K.LessThanEqualsToken],
  [K.ExclamationEqualsEqualsToken]: [K.LessThanToken, K.GreaterThanToken],
});

/** `===` ↔ `!==`, `==` ↔ `!=`, and loose ↔ strict (a `null` check written with `===` misses `undefined`). */
export const equalityOperator = binaryOperatorMutator('equality-operator', 0.35, {
  [K.EqualsEqualsEqualsToken]: [K.ExclamationEqualsEqualsToken, K.EqualsEqualsToken],
  [K.ExclamationEqualsEqualsToken]: [K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken],
  [K.EqualsEqualsToken]: [K.ExclamationEqualsToken, K.EqualsEqualsEqualsToken],
  [K.ExclamationEqualsToken]: [K.EqualsEqualsToken, K.ExclamationEqualsEqualsToken],
});

/** Any arithmetic operator for another: `+` ↔ `-` first, then `*`, `/`, `%` (a repair must reach `value + weight` → `value * weight`). */
export const arithmeticOperator = binaryOperatorMutator('arithmetic-operator', 0.3, {
  [K.PlusToken]: [K.MinusToken, K.AsteriskToken, K.SlashToken],
  [K.MinusToken]: [K.PlusToken, K.AsteriskToken, K.SlashToken],
  [K.AsteriskToken]: [K.SlashToken, K.PlusToken, K.MinusToken, K.AsteriskAsteriskToken],
  [K.SlashToken]: [K.AsteriskToken, K.PercentToken, K.MinusToken],
  [K.PercentToken]: [K.SlashToken, K.AsteriskToken],
  [K.AsteriskAsteriskToken]: [K.AsteriskToken],
});

/** `&&` ↔ `||`, `??` ↔ `||` (`??` keeps `0` and `''`, `||` does not). */
export const logicalOperator = binaryOperatorMutator('logical-operator', 0.35, {
  [K.AmpersandAmpersandToken]: [K.BarBarToken, K.QuestionQuestionToken],
  [K.BarBarToken]: [K.AmpersandAmpersandToken, K.QuestionQuestionToken],
  [K.QuestionQuestionToken]: [K.BarBarToken, K.AmpersandAmpersandToken],
});

/** Compound assignments: `+=` ↔ `-=`, `*=` ↔ `/=`, and `=` where `+=` was meant (accumulators). */
export const assignmentOperator = binaryOperatorMutator('assignment-operator', 0.25, {
  [K.PlusEqualsToken]: [K.MinusEqualsToken, K.EqualsToken, K.AsteriskEqualsToken],
  [K.MinusEqualsToken]: [K.PlusEqualsToken, K.EqualsToken],
  [K.AsteriskEqualsToken]: [K.SlashEqualsToken, K.PlusEqualsToken],
  [K.SlashEqualsToken]: [K.AsteriskEqualsToken],
  [K.BarBarEqualsToken]: [K.QuestionQuestionEqualsToken],
  [K.QuestionQuestionEqualsToken]: [K.BarBarEqualsToken],
});
