import { describe, expect, it } from 'vitest';
import { Account } from '../src/account.js';

describe('Account', () => {
  it('accepts deposits', () => {
    const acc = new Account();
    acc.deposit(500);
    expect(acc.balance).toBe(500);
  });
  it('withdraws part of the balance', () => {
    const acc = new Account();
    acc.deposit(500);
    acc.withdraw(200);
    expect(acc.balance).toBe(300);
  });
  it('rejects overdrafts', () => {
    const acc = new Account();
    acc.deposit(100);
    expect(() => acc.withdraw(101)).toThrow('insufficient funds');
  });
  it('allows withdrawing the whole balance and then closing', () => {
    const acc = new Account();
    acc.deposit(250);
    acc.withdraw(250);
    acc.close();
    expect(acc.status).toBe('closed');
  });
  it('frozen accounts reject withdrawals', () => {
    const acc = new Account();
    acc.deposit(100);
    acc.freeze();
    expect(() => acc.withdraw(10)).toThrow();
  });
});
