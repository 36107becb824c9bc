/**
 * The word of `words` nearest to a mistyped one, when it is near enough to be what was
 * meant: at most two letters inserted, deleted or changed (and fewer than half the word).
 */
export function nearestWord(typed: string, words: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const word of words) {
    const d = editDistance(typed.toLowerCase(), word);
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
    }
  }
  const near = bestDistance <= 2 && bestDistance * 2 < Math.max(typed.length, 1);
  return near ? best : null;
}

/** Letters inserted, deleted or changed to turn `a` into `b` (Levenshtein), row by row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(change, previous[j]! + 1, row[j - 1]! + 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
