import { sql } from 'kysely';
import type { RuleNode } from '../../api/rules';
import type { TagKind } from '../../db/schema';
import { logger } from '../../shared/log';
import { compileRule } from './compile';
import type { FieldDef } from './fields';
import type { Runner } from '../metrics/runner';
import { inScope, writeDesired } from './desired';
import type { DesiredScope, EvaluationValues } from './desired';

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
  /**
   * With `ids` null: the metrics were just rewritten for every customer in the same
   * transaction (a full recompute), so that only customers not merged have a row.
   */
  freshMetrics?: boolean;
}

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
  const scope = { scoped, freshMetrics: !scoped && e.freshMetrics === true };
  const shape =
    `${tagsShape(tags, fields)}:${e.ids ? e.ids.length : 'all'}` +
    (scope.freshMetrics ? ':fresh' : '');
  const v: EvaluationValues = { day: e.asOfDay, ids: e.ids ?? [], at: e.at, reason: e.reason };
  const pairs = { rules, tags, fields };
  if (!scoped && !hasMembers(r, evaluated)) return addAll(r, shape, v, pairs, evaluated, scope);

  scratchTables(r);
  writeDesired(
    r,
    `tags:desired:${shape}`,
    v,
    pairs,
    scope,
    (desired) => sql`INSERT INTO temp.tag_desired (tag_id, customer_id) ${desired}`,
  );

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
 * When the tags have no members yet (a first recompute), every desired membership is an
 * addition: the members are written straight from the rules, with no scratch table and
 * no differences, and the history from the members, in the order of (tag, customer) as
 * the differences would give it.
 */
function addAll(
  r: Runner,
  shape: string,
  v: EvaluationValues,
  pairs: Parameters<typeof writeDesired>[3],
  evaluated: readonly number[],
  scope: DesiredScope,
): { added: number; removed: number } {
  const added = writeDesired(
    r,
    `tags:add-all:${shape}`,
    v,
    pairs,
    scope,
    (desired, p) => sql`
    INSERT INTO tag_members (tag_id, customer_id, since, tag_version)
    SELECT d.tag_id, d.customer_id, ${p.at}, t.version
    FROM (${desired}) d JOIN tags t ON t.id = d.tag_id`,
  );
  if (added > 0) {
    r.runShaped(
      `tags:history-all:${shape}`,
      v,
      (p) => sql`
      INSERT INTO tag_history (tag_id, customer_id, action, at, tag_version, reason)
      SELECT tm.tag_id, tm.customer_id, 'added', ${p.at}, tm.tag_version, ${p.reason}
      FROM tag_members tm WHERE tm.tag_id IN (${sql.join(evaluated)})
      ORDER BY tm.tag_id, tm.customer_id`,
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
