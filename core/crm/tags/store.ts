import { randomUUID } from 'node:crypto';
import type { RuleNode } from '../../api/rules';
import type { TagInfo } from '../../api/tags';
import type { Db } from '../../db/open';
import type { TagKind } from '../../db/schema';
import { CoreError } from '../../shared/errors';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { ensureBuiltinTags } from './builtin';
import { compileRule } from './compile';
import { ruleFields } from './fields';
import { rawRunner } from '../metrics/runner';
import { derivedTags, evaluateTags } from './membership';

/** Every tag with its current number of members, built-ins first. */
export async function listTags(db: Db, now: Date): Promise<TagInfo[]> {
  await ensureBuiltinTags(db.k, now.getTime());
  const rows = await db.k
    .selectFrom('tags as t')
    .leftJoin('tag_members as tm', 'tm.tag_id', 't.id')
    .select((eb) => [
      't.id',
      't.key',
      't.name_zh',
      't.name_en',
      't.kind',
      't.builtin',
      't.version',
      't.rule_json',
      't.updated_at',
      eb.fn.count<number>('tm.customer_id').as('members'),
    ])
    .groupBy('t.id')
    .orderBy('t.builtin', 'desc')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind,
    builtin: r.builtin === 1,
    version: r.version,
    members: Number(r.members),
    rule: r.rule_json ? (JSON.parse(r.rule_json) as RuleNode) : null,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function tagById(db: Db, id: number, now: Date): Promise<TagInfo> {
  const tag = (await listTags(db, now)).find((t) => t.id === id);
  if (!tag)
    throw new CoreError('tags.not_found', `No tag with id ${id}; it may have been deleted.`);
  return tag;
}

export interface TagInput {
  id?: number;
  nameZh: string;
  nameEn: string;
  kind: 'rule' | 'manual';
  rule: RuleNode | null;
}

/**
 * Creates or edits a rule or manual tag. A rule that changed becomes a new version of
 * the tag, and the tag's members are re-evaluated at once, each change recorded with
 * that version. RFM and lifecycle tags follow their scores and cannot be edited here.
 */
export async function saveTag(db: Db, input: TagInput, now: Date): Promise<TagInfo> {
  if (input.kind === 'rule' && !input.rule) {
    throw new CoreError(
      'tags.rule_missing',
      'A rule tag needs a rule: add at least one condition.',
    );
  }
  const rule = input.kind === 'rule' ? input.rule : null;
  const fields = await ruleFields(db);
  const day = businessDayOf(await metricsAsOf(db, now));
  if (rule) compileRule(rule, fields, day); // refuses a bad rule before anything is written
  const ruleJson = rule ? JSON.stringify(rule) : null;
  const at = now.getTime();
  const existing = input.id ? await tagRow(db, input.id) : null;
  if (existing && existing.kind !== input.kind) {
    throw new CoreError(
      'tags.kind_fixed',
      `"${existing.name_en}" is a ${existing.kind} tag and stays one; create a new tag instead.`,
      { tagId: existing.id },
    );
  }

  const id = await db.k.transaction().execute(async (trx) => {
    let tagId: number;
    let version = 1;
    if (existing) {
      tagId = existing.id;
      const changed = existing.rule_json !== ruleJson;
      version = changed ? existing.version + 1 : existing.version;
      await trx
        .updateTable('tags')
        .set({
          name_zh: input.nameZh,
          name_en: input.nameEn,
          rule_json: ruleJson,
          version,
          updated_at: at,
        })
        .where('id', '=', tagId)
        .execute();
      if (!changed) return tagId;
    } else {
      const inserted = await trx
        .insertInto('tags')
        .values({
          key: `pending:${randomUUID()}`,
          name_zh: input.nameZh,
          name_en: input.nameEn,
          kind: input.kind,
          rule_json: ruleJson,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      tagId = inserted.id;
      await trx
        .updateTable('tags')
        .set({ key: `custom:${tagId}` })
        .where('id', '=', tagId)
        .execute();
    }
    await trx
      .insertInto('tag_versions')
      .values({ tag_id: tagId, version, rule_json: ruleJson, created_at: at })
      .execute();
    if (rule) {
      const reason = version === 1 ? 'rule created' : `rule edited (v${version})`;
      const r = rawRunner(trx, db.raw);
      evaluateTags(r, derivedTags(r, tagId), fields, {
        ids: null,
        asOfDay: day,
        at,
        reason,
      });
    }
    return tagId;
  });
  return tagById(db, id, now);
}

async function tagRow(db: Db, id: number) {
  const row = await db.k.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new CoreError('tags.not_found', `No tag with id ${id}; it may have been deleted.`);
  if (row.kind === 'rfm' || row.kind === 'lifecycle') {
    throw new CoreError(
      'tags.derived',
      `"${row.name_en}" follows the ${row.kind.toUpperCase()} scores and cannot be edited; ` +
        'change the RFM or lifecycle settings instead.',
      { tagId: id },
    );
  }
  return row;
}

/** Deletes a user's tag with its members and history; built-in tags stay. */
export async function deleteTag(db: Db, id: number): Promise<{ id: number }> {
  const row = await tagRow(db, id);
  if (row.builtin === 1) {
    throw new CoreError('tags.builtin', `"${row.name_en}" is built in and cannot be deleted.`, {
      tagId: id,
    });
  }
  await db.k.transaction().execute(async (trx) => {
    for (const table of ['tag_members', 'tag_history', 'tag_versions'] as const) {
      await trx.deleteFrom(table).where('tag_id', '=', id).execute();
    }
    await trx.deleteFrom('tags').where('id', '=', id).execute();
  });
  return { id };
}

/** Adds customers to a manual tag, or takes them off it, recording each change. */
export async function assignTag(
  db: Db,
  tagId: number,
  customerIds: number[],
  action: 'add' | 'remove',
  now: Date,
): Promise<{ changed: number }> {
  const tag = await tagRow(db, tagId);
  if ((tag.kind as TagKind) !== 'manual') {
    throw new CoreError(
      'tags.not_manual',
      `"${tag.name_en}" is a rule tag: its members follow its rule. Edit the rule instead.`,
      { tagId },
    );
  }
  const ids = [...new Set(customerIds)];
  const known = await db.k
    .selectFrom('customers')
    .select('id')
    .where('id', 'in', ids)
    .where('merged_into', 'is', null)
    .execute();
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0) {
    throw new CoreError(
      'customers.not_found',
      `No customer ${missing.slice(0, 10).join(', ')} (or merged into another); reload the list.`,
      { customerIds: missing },
    );
  }
  return db.k.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom('tag_members')
      .select('customer_id')
      .where('tag_id', '=', tagId)
      .where('customer_id', 'in', ids)
      .execute();
    const present = new Set(members.map((m) => m.customer_id));
    const change = ids.filter((id) => (action === 'add' ? !present.has(id) : present.has(id)));
    if (change.length === 0) return { changed: 0 };

    const at = now.getTime();
    const history = change.map((customer_id) => ({
      tag_id: tagId,
      customer_id,
      action: action === 'add' ? ('added' as const) : ('removed' as const),
      at,
      tag_version: tag.version,
      reason: 'manual',
    }));
    // Chunks keep each statement under SQLite's limit of bound parameters.
    for (let i = 0; i < change.length; i += 1000) {
      const part = change.slice(i, i + 1000);
      await trx
        .insertInto('tag_history')
        .values(history.slice(i, i + 1000))
        .execute();
      if (action === 'add') {
        const rows = part.map((customer_id) => ({
          tag_id: tagId,
          customer_id,
          since: at,
          tag_version: tag.version,
        }));
        await trx.insertInto('tag_members').values(rows).execute();
      } else {
        await trx
          .deleteFrom('tag_members')
          .where('tag_id', '=', tagId)
          .where('customer_id', 'in', part)
          .execute();
      }
    }
    return { changed: change.length };
  });
}
