import { describe, expect, it } from 'vitest';
import { Account } from '../src/account.js';

describe('Account (held out)', () => {
  it('exact withdrawals after several deposits', () => {
    const acc = new Account();
    acc.deposit(40);
    acc.deposit(60);
    acc.withdraw(100);
    expect(acc.balance).toBe(0);
  });
  it('withdrawing one cent more than the balance fails and leaves it unchanged', () => {
    const acc = new Account();
    acc.deposit(1);
    expect(() => acc.withdraw(2)).toThrow();
    expect(acc.balance).toBe(1);
  });
  it('closed accounts reject deposits', () => {
    const acc = new Account();
    acc.close();
    expect(() => acc.deposit(1)).toThrow('closed');
  });
  it('cannot close with money left', () => {
    const acc = new Account();
    acc.deposit(5);
    expect(() => acc.close()).toThrow();
  });
});
