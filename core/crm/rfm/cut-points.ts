/** How many customers share one value of an RFM dimension. */
export interface ValueCount {
  value: number;
  n: number;
}

/**
 * Four cut points that split customers into five score groups of about equal size,
 * walking the values from the worst end (the order of `counts`). Customers with equal
 * values always land in the same group; a block of ties larger than a fifth fills its
 * group and the rest are re-split evenly over the scores that remain, so that 80 % of
 * customers with one order give F = 1 to those and F = 2…5 to the others instead of
 * collapsing the scale. Returns, for each of scores 1…4, the last value that group holds;
 * when the values run out early the last one is repeated (the higher scores stay empty).
 */
export function lastValuePerGroup(counts: readonly ValueCount[]): number[] {
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const lasts: number[] = [];
  let taken = 0;
  let i = 0;

  for (let score = 1; score <= 4; score++) {
    const remaining = total - taken;
    const first = counts[i];
    if (remaining === 0 || !first) {
      lasts.push(lasts.at(-1) ?? counts.at(-1)?.value ?? 0);
      continue;
    }
    const target = taken + remaining / (6 - score);
    let last = first.value;
    taken += first.n;
    i++;
    // Add whole blocks of equal values while that brings the group closer to its share.
    for (let next = counts[i]; next && taken < target; next = counts[i]) {
      if (taken + next.n - target > target - taken) break;
      taken += next.n;
      last = next.value;
      i++;
    }
    lasts.push(last);
  }
  return lasts;
}

/**
 * Cut points for a dimension where more is better (frequency, monetary): four
 * ascending values c, and score = 1 + (how many c the value exceeds).
 */
export function higherIsBetterCuts(ascending: readonly ValueCount[]): number[] {
  return lastValuePerGroup(ascending);
}

/**
 * Cut points for recency (fewer days is better), in the same ascending form: score =
 * 5 − (how many c the days exceed). Groups are filled from the longest recency, so a
 * group's last value v means "days ≥ v"; with whole days that is "days > v − 1".
 */
export function recencyCuts(ascending: readonly ValueCount[]): number[] {
  const worstFirst = [...ascending].reverse();
  return lastValuePerGroup(worstFirst)
    .map((v) => v - 1)
    .sort((a, b) => a - b);
}

/** Score of a value for more-is-better cut points (pure form of the SQL in score.ts). */
export function scoreHigher(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((c) => value > c).length;
}

/** Score of a recency in days for ascending recency cut points. */
export function scoreRecency(days: number, cuts: readonly number[]): number {
  return 5 - cuts.filter((c) => days > c).length;
}
