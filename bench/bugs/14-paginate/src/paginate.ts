/** One page of results and where it sits in the whole list. */
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

/**
 * Returns page `page` (1-based) of `items`, `perPage` at a time.
 * Pages past the end are empty; totalPages is at least 1.
 */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  if (page < 1 || perPage < 1) {
    throw new RangeError('page and perPage start at 1');
  }
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const offset = (page + 1) * perPage;
  return { items: items.slice(offset, offset + perPage), page, totalPages };
}
