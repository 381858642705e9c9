import type { ContractModel } from '../../src/coherence/contract-model.js';
import { aClass, aFunction, aMethod, aModel, aModule, aParam, aProperty } from './contract-factories.js';

const at = (file: string, line: number) => [{ file: `test/${file}.test.ts`, line }];

/**
 * The contract model of fixtures/projects/tdd-tests-only, built by hand: what an extractor reads from its tests.
 * It lets scaffolding be tested on that fixture independently of extraction.
 */
/** The files scaffolding writes for the fixture's tests: one module per imported module, and the shared error module. */
export const tddFixtureStubs = [
  'src/calculator.ts',
  'src/lru-cache.ts',
  'src/not-implemented.ts',
  'src/queue.ts',
  'src/stack.ts',
  'src/users/fetch-users.ts',
  'src/users/http.ts',
];

export function tddFixtureModel(): ContractModel {
  return aModel([
    aModule(
      'src/stack.ts',
      [
        aClass('EmptyStackError', { extendsError: true, evidence: at('stack', 2) }),
        aClass('Stack', {
          evidence: at('stack', 6),
          members: [
            aMethod('isEmpty', { returns: 'boolean', evidence: at('stack', 7) }),
            aMethod('size', { returns: 'number', evidence: at('stack', 8) }),
            aMethod('push', { params: [aParam('value', 'number')], returns: 'void', evidence: at('stack', 13) }),
            aMethod('pop', { returns: 'number', throws: ['EmptyStackError'], evidence: at('stack', 15) }),
            aMethod('peek', { returns: 'number', evidence: at('stack', 22) }),
          ],
        }),
      ],
      { importedBy: ['test/stack.test.ts'] },
    ),
    aModule(
      'src/queue.ts',
      [
        aClass('Queue', {
          evidence: at('queue', 6),
          members: [
            aMethod('enqueue', { params: [aParam('text', 'string')], returns: 'void', evidence: at('queue', 7) }),
            aMethod('dequeue', { returns: 'string | undefined', evidence: at('queue', 9) }),
            aProperty('length', { type: 'number', evidence: at('queue', 16) }),
          ],
        }),
      ],
      { importedBy: ['test/queue.test.ts'] },
    ),
    aModule(
      'src/lru-cache.ts',
      [
        aClass('LruCache', {
          constructorParams: [aParam('value', 'number')],
          evidence: at('lru-cache', 6),
          members: [
            aMethod('set', { params: [aParam('text', 'string'), aParam('value', 'number')], returns: 'void', evidence: at('lru-cache', 7) }),
            aMethod('get', { params: [aParam('text', 'string')], returns: 'number | undefined', evidence: at('lru-cache', 8) }),
            aMethod('has', { params: [aParam('text', 'string')], returns: 'boolean', evidence: at('lru-cache', 9) }),
            aProperty('capacity', { type: 'number', evidence: at('lru-cache', 30) }),
          ],
        }),
      ],
      { importedBy: ['test/lru-cache.test.ts'] },
    ),
    aModule(
      'src/calculator.ts',
      [
        aFunction('add', { params: [aParam('value', 'number'), aParam('value', 'number')], returns: 'number', evidence: at('calculator', 6) }),
        aFunction('divide', {
          params: [aParam('value', 'number'), aParam('value', 'number')],
          returns: 'number',
          throws: ['DivisionByZeroError'],
          evidence: at('calculator', 15),
        }),
        aClass('DivisionByZeroError', { extendsError: true, evidence: at('calculator', 19) }),
        aFunction('multiply', { params: [aParam('value', 'number'), aParam('value', 'number')], returns: 'number', evidence: at('calculator', 11) }),
        aFunction('subtract', { params: [aParam('value', 'number'), aParam('value', 'number')], returns: 'number', evidence: at('calculator', 7) }),
      ],
      { importedBy: ['test/calculator.test.ts'] },
    ),
    aModule(
      'src/users/http.ts',
      [
        aClass('HttpClient', {
          constructorParams: [aParam('text', 'string'), aParam('transport', '(url: string) => Promise<unknown>')],
          evidence: at('http', 7),
          members: [aMethod('getJson', { params: [aParam('text', 'string')], returns: 'Promise<unknown>', async: true, evidence: at('http', 11) })],
        }),
      ],
      { importedBy: ['test/http.test.ts', 'test/fetch-users.test.ts'] },
    ),
    aModule(
      'src/users/fetch-users.ts',
      [
        aFunction('fetchUsers', {
          params: [aParam('client', 'HttpClient')],
          returns: 'Promise<{ id: number; name: string }[]>',
          async: true,
          evidence: at('fetch-users', 12),
        }),
      ],
      { importedBy: ['test/fetch-users.test.ts'] },
    ),
  ]);
}
