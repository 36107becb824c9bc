import type { DistrictKind } from './catalog';

const DAY_MS = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset
// gives the stores' business days exactly for any date the demo can be asked for.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Spring Festival (lunar new year's day) by year, for the demo's seasonality. */
const springFestival: Record<number, string> = {
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/** Mid-Autumn festival (mooncake season) by year. */
const midAutumn: Record<number, string> = {
  2023: '2023-09-29',
  2024: '2024-09-17',
  2025: '2025-10-06',
  2026: '2026-09-25',
  2027: '2027-09-15',
  2028: '2028-10-03',
  2029: '2029-09-22',
  2030: '2030-09-12',
};

/** Busier summers for drinks, quieter late winter; relative to an average month. */
const monthFactor = [0.95, 0.9, 0.95, 1.0, 1.0, 1.05, 1.15, 1.15, 1.0, 1.0, 1.05, 1.05];

/** Monday … Sunday. Offices fill business districts on weekdays, homes at weekends. */
const weekdayFactor: Record<DistrictKind, number[]> = {
  business: [1.15, 1.15, 1.15, 1.15, 1.2, 0.7, 0.6],
  residential: [0.9, 0.9, 0.9, 0.95, 1.05, 1.25, 1.2],
};

/**
 * The business days the demo covers, ending with the day of the as-of instant, and
 * how busy each one is in a business district and in a residential one.
 */
export class DemoCalendar {
  readonly days: number;
  readonly asOfMs: number;
  /** Instant (UTC ms) at which business day 0 starts in Asia/Shanghai. */
  readonly firstDayStartMs: number;
  private readonly labels: string[] = [];
  private readonly weights: Record<DistrictKind, Float64Array>;
  readonly maxWeight: number;

  constructor(asOf: Date, days: number) {
    this.days = days;
    this.asOfMs = asOf.getTime();
    const lastStart = Math.floor((this.asOfMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS;
    this.firstDayStartMs = lastStart - SHANGHAI_OFFSET_MS - (days - 1) * DAY_MS;
    this.weights = { business: new Float64Array(days), residential: new Float64Array(days) };

    let max = 0;
    for (let d = 0; d < days; d++) {
      const local = new Date(this.firstDayStartMs + d * DAY_MS + SHANGHAI_OFFSET_MS);
      const label = local.toISOString().slice(0, 10);
      this.labels.push(label);
      const season = monthFactor[local.getUTCMonth()]! * festivalFactor(label);
      const weekday = (local.getUTCDay() + 6) % 7;
      for (const kind of ['business', 'residential'] as const) {
        const w = season * weekdayFactor[kind][weekday]!;
        this.weights[kind][d] = w;
        max = Math.max(max, w);
      }
    }
    this.maxWeight = max;
  }

  /** 'YYYY-MM-DD' of day `d` in Asia/Shanghai. */
  label(d: number): string {
    return this.labels[d]!;
  }

  weight(kind: DistrictKind, d: number): number {
    return this.weights[kind][d]!;
  }

  /** The instant `minutes` after the start of day `d`, in whole seconds as exports write them. */
  instant(d: number, minutes: number): number {
    return this.firstDayStartMs + d * DAY_MS + Math.floor(minutes * 60) * 1000;
  }

  /** Business day of an instant. */
  labelOf(ms: number): string {
    const d = Math.floor((ms - this.firstDayStartMs) / DAY_MS);
    if (d >= 0 && d < this.days) return this.labels[d]!;
    return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  }
}

/** Shopping before Spring Festival and for mooncakes peaks; the festival week itself is quiet. */
function festivalFactor(label: string): number {
  const year = Number(label.slice(0, 4));
  const spring = daysBetween(springFestival[year], label);
  if (spring !== null && spring >= -14 && spring < 0) return 1.5;
  if (spring !== null && spring >= 0 && spring < 7) return 0.6;
  const autumn = daysBetween(midAutumn[year], label);
  if (autumn !== null && autumn >= -10 && autumn <= 0) return 1.35;
  if (label.slice(5) >= '11-01' && label.slice(5) <= '11-11') return 1.25;
  return 1;
}

function daysBetween(from: string | undefined, to: string): number | null {
  if (!from) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
