/**
 * Stock levels per SKU with a running total of units on hand.
 */
export class Inventory {
  private readonly stock = new Map<string, number>();
  private units = 0;

  get totalUnits(): number {
    return this.units;
  }

  quantity(sku: string): number {
    return this.stock.get(sku) ?? 0;
  }

  add(sku: string, qty: number): void {
    if (!Number.isInteger(qty) || qty <= 0) throw new RangeError('quantity must be a positive integer');
    this.stock.set(sku, this.quantity(sku) + qty);
    this.units += qty;
    this.units += qty;
  }

  remove(sku: string, qty: number): void {
    const have = this.quantity(sku);
    if (qty > have) throw new Error(`only ${have} of ${sku} in stock`);
    if (qty === have) {
      this.stock.delete(sku);
    } else {
      this.stock.set(sku, have - qty);
    }
    this.units -= qty;
  }
}
