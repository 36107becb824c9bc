import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { RuleNode } from '../../api/rules';
import type { TagKind } from '../../db/schema';
import { logger } from '../../shared/log';
import { compileRule } from './compile';
import type { FieldDef } from './fields';
import type { Runner, Values } from '../metrics/runner';

const log = logger('tags');

/** A tag whose members the core derives (not manual). */
export interface DerivedTag {
  id: number;
  key: string;
  kind: Exclude<TagKind, 'manual'>;
  rule: RuleNode | null;
}

export interface Evaluation {
  /** Customers (all when null) whose membership is decided; others are left alone. */
  ids: readonly number[] | null;
  asOfDay: string;
  /** When the changes happen, and why, for the history. */
  at: number;
  reason: string;
}

function inScope(column: string, scoped: boolean, ids: readonly number[]): RawBuilder<unknown> {
  return scoped ? sql`AND ${sql.ref(column)} IN (${sql.join([...ids])})` : sql``;
}

const selectsPerStatement = 50;
const noValues = {};

/** The scratch tables of an evaluation, made once per connection and emptied before use. */
function scratchTables(r: Runner): void {
  r.runShaped(
    'tags:create-desired',
    noValues,
    () => sql`CREATE TEMP TABLE IF NOT EXISTS
    tag_desired (tag_id INTEGER NOT NULL, customer_id INTEGER NOT NULL,
      PRIMARY KEY (tag_id, customer_id)) WITHOUT ROWID`,
  );
  r.runShaped(
    'tags:create-change',
    noValues,
    () => sql`CREATE TEMP TABLE IF NOT EXISTS
    tag_change (tag_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, added INTEGER NOT NULL,
      PRIMARY KEY (tag_id, customer_id)) WITHOUT ROWID`,
  );
  r.runShaped('tags:clear-desired', noValues, () => sql`DELETE FROM temp.tag_desired`);
  r.runShaped('tags:clear-change', noValues, () => sql`DELETE FROM temp.tag_change`);
}

/** The rule tags whose rules compile with today's fields; the others keep their members. */
function compilingRules(
  tags: readonly DerivedTag[],
  fields: readonly FieldDef[],
  day: string,
): DerivedTag[] {
  return tags.filter((tag) => {
    if (tag.kind !== 'rule' || !tag.rule) return false;
    try {
      compileRule(tag.rule, fields, day);
      return true;
    } catch (error) {
      // A stored rule that no longer compiles (e.g. a channel was removed) keeps its members.
      log.warn(`tag ${tag.key} skipped: ${(error as Error).message}`);
      return false;
    }
  });
}

/** What the text of the evaluation's statements depends on: the tags and the channels. */
function tagsShape(tags: readonly DerivedTag[], fields: readonly FieldDef[]): string {
  const options = fields.map((f) => f.options?.map((o) => o.value).join(',') ?? '');
  return JSON.stringify([tags, options]);
}

interface EvaluationValues extends Values {
  day: string;
  ids: readonly number[];
  at: number;
  reason: string;
}

/** The (tag, customer) pairs that should hold, as one SELECT per rule and per kind. */
function desiredSelects(
  rules: readonly DerivedTag[],
  tags: readonly DerivedTag[],
  fields: readonly FieldDef[],
  v: EvaluationValues,
  scoped: boolean,
): RawBuilder<unknown>[] {
  const from = sql`customers c JOIN customer_metrics m ON m.customer_id = c.id`;
  const selects = rules.map(
    (tag) => sql`SELECT ${tag.id} AS tag_id, c.id AS customer_id FROM ${from}
      WHERE c.merged_into IS NULL AND ${compileRule(tag.rule!, fields, v.day)}
      ${inScope('c.id', scoped, v.ids)}`,
  );

  // RFM and lifecycle tags in one SELECT each: the segment or stage picks the tag's id
  // through a CASE over the tags' keys (cheaper per customer than a join on the key).
  for (const kind of ['rfm', 'lifecycle'] as const) {
    const prefix = `${kind}:`;
    const keyed = tags.filter((t) => t.kind === kind && t.key.startsWith(prefix));
    if (keyed.length === 0) continue;
    const column = kind === 'rfm' ? sql`m.rfm_segment` : sql`m.lifecycle`;
    const whens = keyed.map((t) => sql`WHEN ${t.key.slice(prefix.length)} THEN ${t.id}`);
    selects.push(sql`SELECT x.tag_id, x.customer_id FROM (
        SELECT CASE ${column} ${sql.join(whens, sql` `)} END AS tag_id, c.id AS customer_id
        FROM ${from} WHERE c.merged_into IS NULL ${inScope('c.id', scoped, v.ids)}
      ) x WHERE x.tag_id IS NOT NULL`);
  }
  return selects;
}

/**
 * Brings the membership of derived tags up to date for some customers (or all),
 * recording each addition and removal with its time, the tag's version and a reason.
 * Only the differences are written: a recompute that changes nothing writes nothing.
 */
export function evaluateTags(
  r: Runner,
  tags: readonly DerivedTag[],
  fields: readonly FieldDef[],
  e: Evaluation,
): { added: number; removed: number } {
  const rules = compilingRules(tags, fields, e.asOfDay);
  const derived = tags.filter((t) => t.kind === 'rfm' || t.kind === 'lifecycle');
  const evaluated = [...rules, ...derived].map((t) => t.id);
  if (evaluated.length === 0) return { added: 0, removed: 0 };

  const scoped = e.ids !== null;
  const shape = `${tagsShape(tags, fields)}:${e.ids ? e.ids.length : 'all'}`;
  const v: EvaluationValues = { day: e.asOfDay, ids: e.ids ?? [], at: e.at, reason: e.reason };
  scratchTables(r);
  // Few statements for all tags: a refresh of one customer runs one, not a dozen (in
  // pieces, as SQLite allows at most 500 parts in one compound SELECT).
  const kinds = (['rfm', 'lifecycle'] as const).filter((k) =>
    tags.some((t) => t.kind === k && t.key.startsWith(`${k}:`)),
  );
  const count = rules.length + kinds.length;
  for (let i = 0; i * selectsPerStatement < count; i++) {
    r.runShaped(`tags:desired:${i}:${shape}`, v, (p) => {
      const selects = desiredSelects(rules, tags, fields, p, scoped);
      const part = selects.slice(i * selectsPerStatement, (i + 1) * selectsPerStatement);
      return sql`INSERT INTO temp.tag_desired (tag_id, customer_id)
        ${sql.join(part, sql` UNION ALL `)}`;
    });
  }

  if (!scoped && !hasMembers(r, evaluated)) return addAll(r, v);

  // The differences once, into a scratch table; history and membership read from it.
  const added = r.runShaped(
    'tags:added',
    noValues,
    () => sql`
    INSERT INTO temp.tag_change (tag_id, customer_id, added)
    SELECT d.tag_id, d.customer_id, 1 FROM temp.tag_desired d
    WHERE NOT EXISTS (SELECT 1 FROM tag_members tm
      WHERE tm.tag_id = d.tag_id AND tm.customer_id = d.customer_id)`,
  );
  const removed = r.runShaped(
    `tags:removed:${shape}`,
    v,
    (p) => sql`
    INSERT INTO temp.tag_change (tag_id, customer_id, added)
    SELECT tm.tag_id, tm.customer_id, 0 FROM tag_members tm
    WHERE tm.tag_id IN (${sql.join(evaluated)}) ${inScope('tm.customer_id', scoped, p.ids)}
      AND NOT EXISTS (SELECT 1 FROM temp.tag_desired d
        WHERE d.tag_id = tm.tag_id AND d.customer_id = tm.customer_id)`,
  );
  if (added + removed === 0) return { added, removed };

  r.runShaped(
    'tags:history',
    v,
    (p) => sql`
    INSERT INTO tag_history (tag_id, customer_id, action, at, tag_version, reason)
    SELECT ch.tag_id, ch.customer_id, CASE WHEN ch.added = 1 THEN 'added' ELSE 'removed' END,
      ${p.at}, t.version, ${p.reason}
    FROM temp.tag_change ch JOIN tags t ON t.id = ch.tag_id`,
  );
  if (added > 0) {
    r.runShaped(
      'tags:add',
      v,
      (p) => sql`
      INSERT INTO tag_members (tag_id, customer_id, since, tag_version)
      SELECT ch.tag_id, ch.customer_id, ${p.at}, t.version
      FROM temp.tag_change ch JOIN tags t ON t.id = ch.tag_id WHERE ch.added = 1`,
    );
  }
  if (removed > 0) {
    r.runShaped(
      'tags:remove',
      noValues,
      () => sql`
      DELETE FROM tag_members WHERE (tag_id, customer_id) IN
      (SELECT tag_id, customer_id FROM temp.tag_change WHERE added = 0)`,
    );
  }
  return { added, removed };
}

/** Whether any of the tags has a member (any customer): false on a first recompute. */
function hasMembers(r: Runner, tagIds: readonly number[]): boolean {
  const rows = r.all<{ one: number }>(
    r.k
      .selectFrom('tag_members')
      .select(sql<number>`1`.as('one'))
      .where('tag_id', 'in', tagIds)
      .limit(1),
  );
  return rows.length > 0;
}

/**
 * When the tags have no members yet, every desired membership is an addition: history
 * and membership are written straight from the desired pairs, in the same order as the
 * differences would give, without computing them.
 */
function addAll(r: Runner, v: EvaluationValues): { added: number; removed: number } {
  const added = r.runShaped(
    'tags:history-all',
    v,
    (p) => sql`
    INSERT INTO tag_history (tag_id, customer_id, action, at, tag_version, reason)
    SELECT d.tag_id, d.customer_id, 'added', ${p.at}, t.version, ${p.reason}
    FROM temp.tag_desired d JOIN tags t ON t.id = d.tag_id`,
  );
  if (added > 0) {
    r.runShaped(
      'tags:add-all',
      v,
      (p) => sql`
      INSERT INTO tag_members (tag_id, customer_id, since, tag_version)
      SELECT d.tag_id, d.customer_id, ${p.at}, t.version
      FROM temp.tag_desired d JOIN tags t ON t.id = d.tag_id`,
    );
  }
  return { added, removed: 0 };
}

/** The derived tags as stored, with their rules parsed. */
export function derivedTags(r: Runner, onlyId?: number): DerivedTag[] {
  const rows = r.all<{ id: number; key: string; kind: string; rule_json: string | null }>(
    r.k
      .selectFrom('tags')
      .select(['id', 'key', 'kind', 'rule_json'])
      .where('kind', '!=', 'manual')
      .$if(onlyId !== undefined, (q) => q.where('id', '=', onlyId!))
      .orderBy('id'),
  );
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    kind: row.kind as DerivedTag['kind'],
    rule: row.rule_json ? (JSON.parse(row.rule_json) as RuleNode) : null,
  }));
}
