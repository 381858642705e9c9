/**
 * Turns a title into a URL slug: lower case ASCII letters and digits separated by single dashes,
 * accents removed (`'Crème Brûlée: A How-To'` → `'creme-brulee-a-how-to'`).
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
