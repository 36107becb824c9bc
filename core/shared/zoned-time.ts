/*
 * An instant as a store's clock showed it. One helper for every host (the CLI, the
 * renderer), so an order's time reads the same wherever it is shown.
 */

/** The wall-clock parts of an instant in a zone, each zero-padded, and the zone's offset. */
export interface ZonedParts {
  /** 'YYYY-MM-DD', the calendar day on the zone's clock. */
  date: string;
  /** 'HH:mm', 24-hour, on the zone's clock. */
  time: string;
  /** The zone's offset from UTC at that instant: '+08:00', '-05:00', '+00:00'. */
  offset: string;
}

// Building a formatter costs far more than using one: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `+HH:MM` for an offset in seconds; the seconds are added only when there are some, as in
 * zones' local mean time before 1900 (London's was -00:01:15).
 */
function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hm = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
  return abs % 60 === 0 ? hm : `${hm}:${pad(abs % 60)}`;
}

/**
 * An instant (ms UTC) as the clock of an IANA zone shows it, e.g. 1319934600000 in
 * 'Europe/London' → { date: '2011-10-30', time: '01:30', offset: '+01:00' }. The offset is
 * what tells apart the hour a zone's clock goes back, which it shows twice. Throws a
 * RangeError for a zone name Intl does not know.
 */
export function zonedParts(ms: number, zone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(ms)) parts[part.type] = part.value;
  // Intl counts years before 1 AD as 1 BC, 2 BC…; ISO counts 0, -1…
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const [month, day] = [Number(parts.month), Number(parts.day)];
  const [hour, minute, second] = [Number(parts.hour), Number(parts.minute), Number(parts.second)];

  // The wall clock read as if it were UTC, less the instant (to the whole second), is the
  // zone's offset: no second table of zones to keep in step with Intl's. setUTCFullYear,
  // unlike Date.UTC, takes years 0–99 as they are.
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second);
  const offsetSeconds = Math.round((wall.getTime() - Math.floor(ms / 1000) * 1000) / 1000);

  const yyyy = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return {
    date: `${yyyy}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    offset: offsetText(offsetSeconds),
  };
}
