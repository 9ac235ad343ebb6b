// The key two spellings of one place name share: case, accents, apostrophes and spaces folded, and
// the i/y and double-letter variants of romanized names ("Kostiantynivka" and GeoNames'
// "Kostyantynivka", "Odessa" and "Odesa") made one. Both the data and the lookup use it.
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/y(?=[aeiou])/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
