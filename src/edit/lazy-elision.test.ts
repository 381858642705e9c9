import { describe, expect, it } from 'vitest';
import { detectLazyElision } from './lazy-elision.js';

describe('detectLazyElision', () => {
  it.each([
    '// ... rest unchanged',
    '  // ... existing code ...',
    '/* ... */',
    '# ...',
    '    # ... rest of the class',
    '// rest of the file unchanged',
    '// Other methods remain the same',
    '// existing code',
    '<!-- ... -->',
    '  // … more tests',
    '// (unchanged)',
  ])('spots %s', (line) => {
    expect(detectLazyElision(`const a = 1;\n${line}\nconst b = 2;\n`)).toBe(line.trim());
  });

  it.each([
    'const rest = [...items];',
    '// the rest of the array is sorted',
    '#!/usr/bin/env node',
    '#include <stdio.h>',
    'class A { #secret = 1; }',
    '// Check the existing file before writing',
    '/** Adds two numbers. */',
    '--count;',
  ])('leaves %s alone', (line) => {
    expect(detectLazyElision(`${line}\nexport {};\n`)).toBeUndefined();
  });
});
