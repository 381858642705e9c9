/** A half-open booking slot [from, to) in minutes since midnight. */
export interface Slot {
  from: number;
  to: number;
}

/** True when two half-open slots share at least one minute. */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.from < b.to || b.from < a.to;
}

/**
 * Adds `slot` to the calendar when it is valid and free; returns whether it was booked.
 */
export function book(calendar: Slot[], slot: Slot): boolean {
  if (slot.to <= slot.from) {
    return false;
  }
  if (calendar.some((existing) => overlaps(existing, slot))) {
    return false;
  }
  calendar.push(slot);
  return true;
}
