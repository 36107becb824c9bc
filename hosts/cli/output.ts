import type { JobStatus } from '../../core/api/system';
import { defaultStoreTimeZone } from '../../core/crm/import/mapping';
import { zonedParts } from '../../core/shared/zoned-time';
import { messages } from './i18n';

export { formatCount, plural } from './count';

/**
 * Progress of a job on stderr (stdout stays for results): one rewritten line on a
 * terminal, otherwise a line every few seconds so that logs stay readable. `label` and
 * `unit` come in the language of the run, like the words around them.
 */
export class Progress {
  private lastLine = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly unit: string,
  ) {}

  update(status: JobStatus): void {
    const now = Date.now();
    if (status.processed === 0 || (!this.tty && now - this.lastLine < 2000)) return;
    this.lastLine = now;
    const m = messages();
    const { label, unit } = this;
    const line =
      m.progress({ label, processed: status.processed, total: status.total, unit }) +
      (status.progress !== null ? m.percent(Math.round(status.progress * 100)) : '') +
      `, ${m.rate(status.ratePerSecond, unit)}`;
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  note(message: string): void {
    process.stderr.write(`${this.tty ? '\n' : ''}${this.label}: ${message}\n`);
  }

  done(status: JobStatus): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
    const m = messages();
    const rate = m.rate(status.ratePerSecond, this.unit);
    const state = m.jobState(status.state);
    process.stderr.write(`${m.jobEnded(this.label, state, status.processed, this.unit, rate)}\n`);
  }
}

/** Rows as aligned columns; the width of a CJK character counts as two. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * An instant for people: 'YYYY-MM-DD HH:mm' in a store's zone, with the zone named so that
 * no one reads London time as Shanghai time, and its offset from UTC at that instant so
 * that the hour a zone's clocks go back, which comes twice, is not misread either:
 * '2011-10-30 01:30 Europe/London (UTC+01:00)' and then '… (UTC+00:00)'. Without a store
 * (a recompute of every customer) the console's default zone, Asia/Shanghai. A value that
 * is no instant is printed as it came. --json keeps the ISO instants in UTC.
 */
export function zonedTime(iso: string, zone: string = defaultStoreTimeZone): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const clock = zonedParts(ms, zone);
  return `${clock.date} ${clock.time} ${zone} (UTC${clock.offset})`;
}
