import { IANAZone } from 'luxon';
import { CoreError } from '../../shared/errors';
import type { LocalDateTime } from './dates';

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/**
 * Turns local wall-clock times of a file into UTC instants, and instants into the
 * stores' business days. Zone offsets are asked of luxon once per local day (per hour
 * or instant on the days clocks change) and cached, because building a DateTime per
 * row costs more than the whole rest of a row's conversion.
 *
 * In the repeated hour when clocks go back, a local time takes the offset luxon gives
 * that hour's start; zones without daylight saving (Asia/Shanghai) are unaffected.
 */
export class ZoneClock {
  private readonly fileZone: IANAZone;
  private readonly storeZone: IANAZone;
  private readonly sameZone: boolean;
  private readonly dayOffsets = new Map<number, number>();
  private readonly localOffsets = new Map<number, number>();
  private readonly storeOffsets = new Map<number, number>();
  private readonly dayNames = new Map<number, string>();

  constructor(fileZoneName: string, storeZoneName: string) {
    this.fileZone = zone(fileZoneName);
    this.storeZone = zone(storeZoneName);
    this.sameZone = this.fileZone.name === this.storeZone.name;
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

    const dayKey = Math.floor(wall / dayMs);
    let offset = this.dayOffsets.get(dayKey);
    if (offset === undefined) {
      offset = this.localOffset(dayKey * dayMs);
      // A day whose clocks change keeps NaN and is looked up hour by hour.
      if (this.localOffset(dayKey * dayMs + dayMs - hourMs) !== offset) offset = NaN;
      this.dayOffsets.set(dayKey, offset);
    }
    if (Number.isNaN(offset)) offset = this.hourOffset(Math.floor(wall / hourMs));
    return wall - offset * 60_000;
  }

  private hourOffset(hourKey: number): number {
    let offset = this.localOffsets.get(hourKey);
    if (offset === undefined) {
      offset = this.localOffset(hourKey * hourMs);
      this.localOffsets.set(hourKey, offset);
    }
    return offset;
  }

  /** The file zone's offset (minutes) at a wall-clock time given as if it were UTC. */
  private localOffset(wall: number): number {
    const guess = this.fileZone.offset(wall);
    return this.fileZone.offset(wall - guess * 60_000);
  }

  /** The business day 'YYYY-MM-DD' in the stores' zone of an instant read from `local`. */
  businessDay(utcMs: number, local?: LocalDateTime): string {
    if (local && this.sameZone && local.offsetMinutes === undefined) {
      return this.dayName(Math.floor(Date.UTC(local.year, local.month - 1, local.day) / dayMs));
    }
    const utcDay = Math.floor(utcMs / dayMs);
    let offset = this.storeOffsets.get(utcDay);
    if (offset === undefined) {
      offset = this.storeZone.offset(utcDay * dayMs);
      if (this.storeZone.offset(utcDay * dayMs + dayMs - 1) !== offset) offset = NaN;
      this.storeOffsets.set(utcDay, offset);
    }
    // On a day the stores' clocks change, ask for the instant itself.
    if (Number.isNaN(offset)) offset = this.storeZone.offset(utcMs);
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
  if (!IANAZone.isValidZone(name)) {
    throw new CoreError('imports.zone_unknown', `Unknown time zone "${name}".`, {
      timeZone: name,
      hint: 'Use an IANA zone name such as Asia/Shanghai.',
    });
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
