import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { compileRule, readsCustomer } from './compile';
import type { FieldDef } from './fields';
import type { DerivedTag } from './membership';
import type { Runner, Values } from '../metrics/runner';

/** What the statements of an evaluation bind. */
export interface EvaluationValues extends Values {
  day: string;
  ids: readonly number[];
  at: number;
  reason: string;
}

/** Which customers the (tag, customer) pairs are made for, and from what. */
export interface DesiredScope {
  /** Only the customers of `ids` (a refresh); all otherwise. */
  scoped: boolean;
  /**
   * The metrics were rewritten for every customer in this transaction, so only customers
   * not merged into another have a row: a rule that tests metrics alone reads them alone,
   * without a look-up of each customer's record.
   */
  freshMetrics: boolean;
}

export function inScope(column: string, scoped: boolean, ids: readonly number[]) {
  return scoped ? sql`AND ${sql.ref(column)} IN (${sql.join([...ids])})` : sql``;
}

/**
 * The rows a rule's SELECT reads, the column of their customer and the test that leaves
 * merged customers out.
 */
function source(s: DesiredScope, ofCustomer: boolean) {
  if (!s.freshMetrics) {
    return {
      from: sql`customers c JOIN customer_metrics m ON m.customer_id = c.id`,
      id: 'c.id',
      live: sql`c.merged_into IS NULL`,
    };
  }
  const from = ofCustomer
    ? sql`customer_metrics m JOIN customers c ON c.id = m.customer_id`
    : sql`customer_metrics m`;
  return { from, id: 'm.customer_id', live: sql`1 = 1` };
}

/** The (tag, customer) pairs that should hold, as one SELECT per rule and per kind. */
function desiredSelects(
  rules: readonly DerivedTag[],
  tags: readonly DerivedTag[],
  fields: readonly FieldDef[],
  v: EvaluationValues,
  s: DesiredScope,
): RawBuilder<unknown>[] {
  const selects = rules.map((tag) => {
    const { from, id, live } = source(s, readsCustomer(tag.rule!, fields));
    return sql`SELECT ${tag.id} AS tag_id, ${sql.ref(id)} AS customer_id FROM ${from}
      WHERE ${live} AND ${compileRule(tag.rule!, fields, v.day)}
      ${inScope(id, s.scoped, v.ids)}`;
  });

  // RFM and lifecycle tags in one SELECT each: the segment or stage picks the tag's id
  // through a CASE over the tags' keys (cheaper per customer than a join on the key).
  const { from, id, live } = source(s, false);
  for (const kind of ['rfm', 'lifecycle'] as const) {
    const prefix = `${kind}:`;
    const keyed = tags.filter((t) => t.kind === kind && t.key.startsWith(prefix));
    if (keyed.length === 0) continue;
    const column = kind === 'rfm' ? sql`m.rfm_segment` : sql`m.lifecycle`;
    const whens = keyed.map((t) => sql`WHEN ${t.key.slice(prefix.length)} THEN ${t.id}`);
    selects.push(sql`SELECT x.tag_id, x.customer_id FROM (
        SELECT CASE ${column} ${sql.join(whens, sql` `)} END AS tag_id,
          ${sql.ref(id)} AS customer_id
        FROM ${from} WHERE ${live} ${inScope(id, s.scoped, v.ids)}
      ) x WHERE x.tag_id IS NOT NULL`);
  }
  return selects;
}

const selectsPerStatement = 50;

/**
 * Writes the desired (tag, customer) pairs where `into` says, in few statements for all
 * tags: a refresh of one customer runs one, not a dozen (in pieces, as SQLite allows at
 * most 500 parts in one compound SELECT). `key` names the statements' shape (see
 * Runner.runShaped); the number of rows written.
 */
export function writeDesired(
  r: Runner,
  key: string,
  v: EvaluationValues,
  pairs: { rules: DerivedTag[]; tags: readonly DerivedTag[]; fields: readonly FieldDef[] },
  s: DesiredScope,
  into: (pairs: RawBuilder<unknown>, p: EvaluationValues) => RawBuilder<unknown>,
): number {
  const { rules, tags, fields } = pairs;
  const kinds = (['rfm', 'lifecycle'] as const).filter((k) =>
    tags.some((t) => t.kind === k && t.key.startsWith(`${k}:`)),
  );
  const count = rules.length + kinds.length;
  let written = 0;
  for (let i = 0; i * selectsPerStatement < count; i++) {
    written += r.runShaped(`${key}:${i}`, v, (p) => {
      const selects = desiredSelects(rules, tags, fields, p, s);
      const part = selects.slice(i * selectsPerStatement, (i + 1) * selectsPerStatement);
      return into(sql.join(part, sql` UNION ALL `), p);
    });
  }
  return written;
}
