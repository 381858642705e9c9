/** A person in a roster. */
export interface Person {
  name: string;
  age: number;
}

/**
 * Sorts people by age, youngest first; people of the same age keep alphabetical order by name.
 * Returns a new array.
 */
export function sortByAge(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => {
    if (a.age !== b.age) {
      return b.age - a.age;
    }
    return a.name.localeCompare(b.name);
  });
}
