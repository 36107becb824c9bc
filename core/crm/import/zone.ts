import { IANAZone } from 'luxon';
import { CoreError } from '../../shared/errors';
import type { LocalDateTime } from './dates';

const hourMs = 3_600_000;
const dayMs = 86_400_000;
const slotMs = 900_000;

/**
 * Turns local wall-clock times of a file into UTC instants, and instants into the
 * stores' business days. Zone offsets are asked of luxon once per local hour (and per
 * quarter hour of UTC for business days) and cached, because building a DateTime per
 * row costs more than the whole rest of a row's conversion.
 *
 * In the repeated hour when clocks go back, a local time takes the offset luxon gives
 * that hour's start; zones without daylight saving (Asia/Shanghai) are unaffected.
 */
export class ZoneClock {
  private readonly fileZone: IANAZone;
  private readonly storeZone: IANAZone;
  private readonly sameZone: boolean;
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

    const hourKey = Math.floor(wall / hourMs);
    let offset = this.localOffsets.get(hourKey);
    if (offset === undefined) {
      const guess = this.fileZone.offset(hourKey * hourMs);
      offset = this.fileZone.offset(hourKey * hourMs - guess * 60_000);
      this.localOffsets.set(hourKey, offset);
    }
    return wall - offset * 60_000;
  }

  /** The business day 'YYYY-MM-DD' in the stores' zone of an instant read from `local`. */
  businessDay(utcMs: number, local?: LocalDateTime): string {
    if (local && this.sameZone && local.offsetMinutes === undefined) {
      return this.dayName(Math.floor(Date.UTC(local.year, local.month - 1, local.day) / dayMs));
    }
    const slot = Math.floor(utcMs / slotMs);
    let offset = this.storeOffsets.get(slot);
    if (offset === undefined) {
      offset = this.storeZone.offset(slot * slotMs);
      this.storeOffsets.set(slot, offset);
    }
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
