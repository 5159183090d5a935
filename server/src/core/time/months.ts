// Month names as post-mortems write dates: English with its abbreviations, and the full names of the
// other languages teams write in (German, French, Spanish, Portuguese, Italian, Dutch).

const ENGLISH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ENGLISH_INDEX: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** Month n+1's names in other languages (lower case). */
const OTHER: readonly (readonly string[])[] = [
  ['januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'januari', 'jänner'],
  ['februar', 'février', 'fevrier', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  ['märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart'],
  ['avril', 'abril', 'aprile'],
  ['mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['juni', 'juin', 'junio', 'junho', 'giugno'],
  ['juli', 'juillet', 'julio', 'julho', 'luglio'],
  ['août', 'aout', 'agosto', 'augustus'],
  ['septembre', 'septiembre', 'setiembre', 'setembro', 'settembre'],
  ['oktober', 'octobre', 'octubre', 'outubro', 'ottobre'],
  ['novembre', 'noviembre', 'novembro'],
  ['dezember', 'décembre', 'decembre', 'diciembre', 'dezembro', 'dicembre'],
];
const OTHER_INDEX: ReadonlyMap<string, number> = new Map(OTHER.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/** Alternatives for a month name in a case-insensitive regex: the longest first, so 'marzo' is not read as 'mar'. */
export const MONTHS = `${[...OTHER_INDEX.keys()].sort((a, b) => b.length - a.length).join('|')}|${ENGLISH}`;

/** 1-12 for a name MONTHS matched. */
export function monthNumber(name: string): number {
  const n = name.toLowerCase();
  return OTHER_INDEX.get(n) ?? ENGLISH_INDEX[n.slice(0, 3)]!;
}
