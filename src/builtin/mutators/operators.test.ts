import { describe, it } from 'vitest';
import { expectMutation, expectNoMutation } from './expect-mutation.js';
import { arithmeticOperator, assignmentOperator, equalityOperator, logicalOperator, relationalBoundary, relationalOperator } from './operators.js';
import { unaryOperator } from './unary-operator.js';

describe('operator mutators', () => {
  it('relational-boundary', () => {
    expectMutation(relationalBoundary, 'a < b', 'a <= b');
    expectMutation(relationalBoundary, 'a <= b', 'a < b');
    expectMutation(relationalBoundary, 'a > b', 'a >= b');
    expectMutation(relationalBoundary, 'a >= b', 'a > b');
    expectMutation(relationalBoundary, 'for (let i = 0; i < n; i++) f(i);', 'for (let i = 0; i <= n; i++) f(i);');
    expectNoMutation(relationalBoundary, 'a === b');
  });
  it('arithmetic-operator reaches every operator of its class', () => {
    expectMutation(arithmeticOperator, 'total += value + weight', 'total += value * weight');
    expectMutation(arithmeticOperator, 'a - b', 'a / b');
  });
  it('logical-operator never mixes ?? with && or || unparenthesized (JavaScript rejects it)', () => {
    expectMutation(logicalOperator, 'a && b || c', 'a || b || c');
    expectNoMutation(logicalOperator, 'a && b || c', 'a && b ?? c');
    expectNoMutation(logicalOperator, 'a && b || c', 'a ?? b || c');
    expectMutation(logicalOperator, 'a || b', 'a ?? b');
  });
  it('relational-operator', () => {
    expectMutation(relationalOperator, 'a < b', 'a > b');
    expectMutation(relationalOperator, 'i === n', 'i >= n');
    expectMutation(relationalOperator, 'i !== n', 'i < n');
  });
  it('equality-operator', () => {
    expectMutation(equalityOperator, 'a === b', 'a !== b');
    expectMutation(equalityOperator, 'x === null', 'x == null');
    expectMutation(equalityOperator, 'a != b', 'a == b');
  });
  it('arithmetic-operator', () => {
    expectMutation(arithmeticOperator, 'a + b', 'a - b');
    expectMutation(arithmeticOperator, 'a - b', 'a + b');
    expectMutation(arithmeticOperator, 'a * b', 'a / b');
    expectMutation(arithmeticOperator, 'a / b', 'a * b');
    expectMutation(arithmeticOperator, 'a % b', 'a / b');
    expectMutation(arithmeticOperator, 'a ** 2', 'a * 2');
  });
  it('logical-operator', () => {
    expectMutation(logicalOperator, 'a && b', 'a || b');
    expectMutation(logicalOperator, 'a || b', 'a && b');
    expectMutation(logicalOperator, 'a ?? b', 'a || b');
    expectMutation(logicalOperator, 'a || b', 'a ?? b');
  });
  it('assignment-operator', () => {
    expectMutation(assignmentOperator, 'total += x;', 'total -= x;');
    expectMutation(assignmentOperator, 'total += x;', 'total = x;');
    expectMutation(assignmentOperator, 'f *= 2;', 'f /= 2;');
  });
  it('unary-operator', () => {
    expectMutation(unaryOperator, 'i++;', 'i--;');
    expectMutation(unaryOperator, 'return i++;', 'return ++i;');
    expectMutation(unaryOperator, '--i;', '++i;');
    expectMutation(unaryOperator, 'return -x;', 'return x;');
    expectNoMutation(unaryOperator, 'return -1;');
  });
  it('changes whole expressions, never bare tokens', () => {
    expectMutation(relationalBoundary, 'if (a.length < 3) return;', 'if (a.length <= 3) return;');
  });
});
