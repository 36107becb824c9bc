import { IANAZone } from 'luxon';
import { CoreError } from '../../shared/errors';
import type { LocalDateTime } from './dates';

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/**
 * Offsets of one zone (minutes east of UTC), asked of luxon once and kept for the whole
 * process: every file of a zone, and every import after the first, reads them from here.
 * Each luxon call formats a date through Intl, which costs more than converting a row.
 *
 * A day counts as uniform when the offsets at the UTC midnights around it agree; like
 * any sampling of a zone this assumes its clocks never change twice within one day.
 */
class ZoneOffsets {
  private readonly atMidnight = new Map<number, number>();
  private readonly localDays = new Map<number, number>();
  private readonly wallHours = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {}

  /**
   * The offset of every wall-clock time of a local day (epoch day of its date), or NaN
   * when the clocks change that day or next to it. Its wall times fall between the UTC
   * midnights before and two after it (offsets stay within ±24 h), so those four decide.
   */
  localDay(day: number): number {
    let offset = this.localDays.get(day);
    if (offset === undefined) {
      offset = this.midnight(day - 1);
      for (let next = day; next <= day + 2; next++) {
        if (this.midnight(next) !== offset) offset = NaN;
      }
      this.localDays.set(day, offset);
    }
    return offset;
  }

  /** The offset at an instant of a UTC day (epoch day), or NaN when it changes that day. */
  utcDay(day: number): number {
    const offset = this.midnight(day);
    return this.midnight(day + 1) === offset ? offset : NaN;
  }

  /** The offset of a wall-clock time given as if it were UTC, looked up by its hour. */
  wallHour(wall: number): number {
    const hour = Math.floor(wall / hourMs);
    let offset = this.wallHours.get(hour);
    if (offset === undefined) {
      const start = hour * hourMs;
      const guess = this.zone.offset(start);
      offset = this.zone.offset(start - guess * 60_000);
      this.wallHours.set(hour, offset);
    }
    return offset;
  }

  /** The offset at an instant, asked of luxon (days when clocks change). */
  at(utcMs: number): number {
    return this.zone.offset(utcMs);
  }

  private midnight(day: number): number {
    let offset = this.atMidnight.get(day);
    if (offset === undefined) {
      offset = this.zone.offset(day * dayMs);
      this.atMidnight.set(day, offset);
    }
    return offset;
  }
}

const offsetsByZone = new Map<string, ZoneOffsets>();
const validZones = new Set<string>();

function offsetsOf(zoneName: string): ZoneOffsets {
  let offsets = offsetsByZone.get(zoneName);
  if (offsets === undefined) {
    offsets = new ZoneOffsets(zone(zoneName));
    offsetsByZone.set(zoneName, offsets);
  }
  return offsets;
}

/**
 * Turns local wall-clock times of a file into UTC instants, and instants into the
 * stores' business days, through the process-wide offsets above. In the repeated hour
 * when clocks go back, a local time takes the offset of that hour's start; zones
 * without daylight saving (Asia/Shanghai) are unaffected.
 */
export class ZoneClock {
  private readonly fileZone: ZoneOffsets;
  private readonly storeZone: ZoneOffsets;
  private readonly sameZone: boolean;
  private readonly dayNames = new Map<number, string>();

  constructor(fileZoneName: string, storeZoneName: string) {
    this.fileZone = offsetsOf(zone(fileZoneName).name);
    this.storeZone = offsetsOf(zone(storeZoneName).name);
    this.sameZone = this.fileZone === this.storeZone;
  }

  /** The UTC instant (ms) of a local time; an offset written in the cell wins over the file's zone. */
  toUtc(local: LocalDateTime): number {
    const wall = Date.UTC(
      local.year,
      local.month - 1,
      local.day,
      local.hour,
      local.minute,
      local.second,
      local.millisecond,
    );
    if (local.offsetMinutes !== undefined) return wall - local.offsetMinutes * 60_000;

    let offset = this.fileZone.localDay(Math.floor(wall / dayMs));
    if (Number.isNaN(offset)) offset = this.fileZone.wallHour(wall);
    return wall - offset * 60_000;
  }

  /** The business day 'YYYY-MM-DD' in the stores' zone of an instant read from `local`. */
  businessDay(utcMs: number, local?: LocalDateTime): string {
    if (local && this.sameZone && local.offsetMinutes === undefined) {
      return this.dayName(Math.floor(Date.UTC(local.year, local.month - 1, local.day) / dayMs));
    }
    let offset = this.storeZone.utcDay(Math.floor(utcMs / dayMs));
    // On a day the stores' clocks change, ask for the instant itself.
    if (Number.isNaN(offset)) offset = this.storeZone.at(utcMs);
    return this.dayName(Math.floor((utcMs + offset * 60_000) / dayMs));
  }

  private dayName(epochDay: number): string {
    let name = this.dayNames.get(epochDay);
    if (name === undefined) {
      name = new Date(epochDay * dayMs).toISOString().slice(0, 10);
      this.dayNames.set(epochDay, name);
    }
    return name;
  }
}

/** Checks a zone name such as 'Asia/Shanghai'; an unknown one is the user's error, not a bug. */
export function zone(name: string): IANAZone {
  if (!validZones.has(name)) {
    if (!IANAZone.isValidZone(name)) {
      throw new CoreError('imports.zone_unknown', `Unknown time zone "${name}".`, {
        timeZone: name,
        hint: 'Use an IANA zone name such as Asia/Shanghai.',
      });
    }
    validZones.add(name);
  }
  return IANAZone.create(name);
}

/** Formats an instant as local time in a zone for people, e.g. '2024-06-01 00:30:00 +08:00'. */
export function formatInstant(utcMs: number, zoneName: string): string {
  const offset = zone(zoneName).offset(utcMs);
  const local = new Date(utcMs + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${sign}${hh}:${mm}`;
}
