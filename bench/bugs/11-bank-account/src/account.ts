export type AccountState = 'open' | 'frozen' | 'closed';

/**
 * A bank account as a small state machine: open accounts accept deposits and withdrawals,
 * frozen accounts accept only deposits, closed accounts accept nothing.
 */
export class Account {
  private balanceCents = 0;
  private state: AccountState = 'open';

  get balance(): number {
    return this.balanceCents;
  }

  get status(): AccountState {
    return this.state;
  }

  deposit(cents: number): void {
    if (this.state === 'closed') throw new Error('account is closed');
    if (cents <= 0) throw new RangeError('deposit must be positive');
    this.balanceCents += cents;
  }

  withdraw(cents: number): void {
    if (this.state !== 'open') throw new Error(`cannot withdraw from a ${this.state} account`);
    if (cents <= 0) throw new RangeError('withdrawal must be positive');
    if (cents >= this.balanceCents) throw new Error('insufficient funds');
    this.balanceCents -= cents;
  }

  freeze(): void {
    if (this.state === 'open') this.state = 'frozen';
  }

  close(): void {
    if (this.balanceCents !== 0) throw new Error('withdraw the balance before closing');
    this.state = 'closed';
  }
}
