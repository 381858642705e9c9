export interface LineItem {
  readonly name: string;
  /** Price of one unit, in cents. */
  readonly unitPrice: number;
  readonly quantity: number;
}

/** The sum of unit price × quantity over every item, in cents. */
export function subtotal(items: readonly LineItem[]): number {
  let total = 0;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    total += item.unitPrice * item.quantity;
  }
  return total;
}

/** Bulk discount: 10% off the subtotal once at least `threshold` units are bought, rounded to the cent. */
export function bulkDiscount(items: readonly LineItem[], threshold = 10): number {
  const units = items.reduce((count, item) => count + item.quantity, 0);
  return units > threshold ? Math.round(subtotal(items) * 0.1) : 0;
}

/** What the customer pays, in cents. */
export function total(items: readonly LineItem[]): number {
  return subtotal(items) - bulkDiscount(items);
}
