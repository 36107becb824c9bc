// Counts as the CLI writes them in both languages: digits grouped by thousands (3,479).
const number = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return number.format(n);
}

/** A count with its English noun in the right number: "1 order", "3,479 orders". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
