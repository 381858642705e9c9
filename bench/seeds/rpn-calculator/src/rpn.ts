const OPERATORS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const satisfies Record<string, (a: number, b: number) => number>;

function isOperator(token: string): token is keyof typeof OPERATORS {
  return Object.hasOwn(OPERATORS, token);
}

/**
 * Evaluates an expression in reverse Polish notation (`'3 4 + 2 *'` → 14).
 * Throws a SyntaxError for unknown tokens, missing operands, or leftover values.
 */
export function evaluateRpn(expression: string): number {
  const stack: number[] = [];
  const tokens = expression.trim().split(/\s+/).filter((t) => t !== '');
  for (const token of tokens) {
    if (isOperator(token)) {
      if (stack.length < 2) {
        throw new SyntaxError(`'${token}' needs two operands`);
      }
      const right = stack.pop()!;
      const left = stack.pop()!;
      stack.push(OPERATORS[token](left, right));
    } else {
      const value = Number(token);
      if (Number.isNaN(value)) {
        throw new SyntaxError(`unknown token '${token}'`);
      }
      stack.push(value);
    }
  }
  if (stack.length !== 1) {
    throw new SyntaxError(`expected one result, found ${stack.length}`);
  }
  return stack[0]!;
}
