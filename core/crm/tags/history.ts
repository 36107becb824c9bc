import type { TagHistory } from '../../api/tags';
import type { Db } from '../../db/open';
import { businessDayOf } from '../metrics/days';

/**
 * A tag's members over time: for each business day that saw changes, how many joined,
 * how many left and how many members remained at the end of the day; and the latest
 * changes with their customer, version and reason.
 */
export async function tagHistory(db: Db, tagId: number, recentLimit = 50): Promise<TagHistory> {
  // Grouped by instant first: a recompute writes thousands of rows with one instant.
  const moments = await db.k
    .selectFrom('tag_history')
    .select((eb) => ['at', 'action', eb.fn.countAll<number>().as('n')])
    .where('tag_id', '=', tagId)
    .groupBy(['at', 'action'])
    .orderBy('at')
    .execute();

  const series: TagHistory['series'] = [];
  let members = 0;
  for (const m of moments) {
    const day = businessDayOf(m.at);
    let point = series.at(-1);
    if (!point || point.day !== day) {
      point = { day, members, added: 0, removed: 0 };
      series.push(point);
    }
    const n = Number(m.n);
    if (m.action === 'added') point.added += n;
    else point.removed += n;
    members += m.action === 'added' ? n : -n;
    point.members = members;
  }

  const recent = await db.k
    .selectFrom('tag_history as h')
    .innerJoin('customers as c', 'c.id', 'h.customer_id')
    .select(['h.customer_id', 'c.name', 'h.action', 'h.at', 'h.tag_version', 'h.reason'])
    .where('h.tag_id', '=', tagId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(recentLimit)
    .execute();

  return {
    series,
    recent: recent.map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      action: r.action,
      at: new Date(r.at).toISOString(),
      version: r.tag_version,
      reason: r.reason,
    })),
  };
}
