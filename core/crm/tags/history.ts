import type { TagHistory } from '../../api/tags';
import type { Db } from '../../db/open';
import { businessDayOf } from '../metrics/days';

/**
 * A tag's members over time: for each business day that saw changes, how many joined,
 * how many left and how many members remained at the end of the day; and the latest
 * changes with their customer, version and reason.
 *
 * A customer counts as a member at the end of a day when, of their changes dated on or
 * before that day, the one recorded last is a joining. Counting by record order, not by
 * date alone, keeps the count right (and never below zero) when the console's clock was
 * moved back and a removal was dated before the joining it undoes.
 */
export async function tagHistory(db: Db, tagId: number, recentLimit = 50): Promise<TagHistory> {
  const events = await db.k
    .selectFrom('tag_history')
    .select(['id', 'customer_id', 'action', 'at'])
    .where('tag_id', '=', tagId)
    .orderBy('at')
    .orderBy('id')
    .execute();

  const series = membersByDay(events);
  const recent = await recentChanges(db, tagId, recentLimit);
  return { series, recent };
}

interface ChangeRow {
  id: number;
  customer_id: number;
  action: 'added' | 'removed';
  at: number;
}

/** Walks the changes day by day (rows sorted by instant), keeping each customer's last record. */
function membersByDay(events: ChangeRow[]): TagHistory['series'] {
  const series: TagHistory['series'] = [];
  const last = new Map<number, { id: number; member: boolean }>();
  let members = 0;
  // The changes of one recompute share its instant: the day is worked out once for them.
  let dayAt = Number.NaN;
  let day = '';

  for (const e of events) {
    if (e.at !== dayAt) {
      dayAt = e.at;
      day = businessDayOf(e.at);
    }
    let point = series.at(-1);
    if (!point || point.day !== day) {
      point = { day, members, added: 0, removed: 0 };
      series.push(point);
    }
    if (e.action === 'added') point.added += 1;
    else point.removed += 1;

    // A change recorded before the customer's latest one seen so far is already outdated.
    const known = last.get(e.customer_id);
    if (known && known.id > e.id) continue;
    const member = e.action === 'added';
    members += (member ? 1 : 0) - (known?.member ? 1 : 0);
    last.set(e.customer_id, { id: e.id, member });
    point.members = members;
  }
  return series;
}

async function recentChanges(
  db: Db,
  tagId: number,
  recentLimit: number,
): Promise<TagHistory['recent']> {
  const recent = await db.k
    .selectFrom('tag_history as h')
    .innerJoin('customers as c', 'c.id', 'h.customer_id')
    .select(['h.customer_id', 'c.name', 'h.action', 'h.at', 'h.tag_version', 'h.reason'])
    .where('h.tag_id', '=', tagId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(recentLimit)
    .execute();

  return recent.map((r) => ({
    customerId: r.customer_id,
    customerName: r.name,
    action: r.action,
    at: new Date(r.at).toISOString(),
    version: r.tag_version,
    reason: r.reason,
  }));
}
