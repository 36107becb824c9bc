import type { ColumnMapping, ImportOptions, UnusableMapping } from '../api/imports';
import { columnMappingSchema } from '../api/imports';
import { importInWorker } from '../crm/import/worker-host';
import { earlierImportWithHash, listBatches, rejectedRows } from '../crm/import/batch-store';
import { contentHash, inspectFile, loadPresets, previewFile } from '../crm/import/index';
import { recomputeAll } from '../crm/recompute';
import { storesNewInBatch } from '../crm/stores/new-in-batch';
import type { Db } from '../db/open';
import { CoreError, isCoreError } from '../shared/errors';
import { issueDetails } from '../shared/issues';
import { logger } from '../shared/log';
import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';

const log = logger('imports');

type ImportMethods =
  | 'imports.presets'
  | 'imports.inspect'
  | 'imports.preview'
  | 'imports.start'
  | 'imports.batches'
  | 'imports.rejected'
  | 'imports.newStores'
  | 'mappings.list'
  | 'mappings.unusable'
  | 'mappings.save';

/** Import of channel exports: inspect, preview, import as a job, batches, saved mappings. */
export function importsHandlers(ctx: ServiceContext): Pick<Handlers, ImportMethods> {
  return {
    'imports.presets': () => loadPresets(),

    'imports.inspect': async ({ fileId, encoding, sheet }) => {
      const file = ctx.files.get(fileId);
      const inspection = await inspectFile(file.path, file.name, { encoding, sheet });
      const { usable, unusable } = await readMappings(ctx.db);
      const savedMappings = usable.map((m) => m.name);
      return { ...inspection, fileId, savedMappings, unusableMappings: unusable };
    },

    'imports.preview': async ({ fileId, options }) => {
      const path = ctx.files.get(fileId).path;
      const preview = await previewFile(path, options);
      // The same bytes imported before: said now, so the person can stop before importing.
      const alreadyImported = await earlierImportWithHash(ctx.db, await contentHash(path));
      return { ...preview, alreadyImported };
    },

    'imports.start': async ({ fileId, options, acceptPartial }) => {
      const file = ctx.files.get(fileId);
      if (options.saveMappingAs) {
        await saveMapping(ctx.db, options.saveMappingAs, mappingOf(options.source), ctx.now());
      }
      return ctx.jobs.start('import', async (job) => {
        const summary = await importInWorker(ctx.db, file.path, file.name, options, acceptPartial, {
          at: ctx.now(),
          signal: job.signal,
          onProgress: (processed, total) => job.report({ processed, total }),
        });
        if (summary.status === 'committed' || summary.status === 'partial') {
          job.report({
            processed: summary.rowsTotal,
            total: summary.rowsTotal,
            message: 'recompute',
          });
          await recomputeAfterImport(ctx);
        }
        return summary;
      });
    },

    'imports.batches': () => listBatches(ctx.db),
    'imports.rejected': ({ batchId }) => rejectedRows(ctx.db, batchId),
    'imports.newStores': ({ batchId }) => storesNewInBatch(ctx.db, batchId),
    'mappings.list': () => listMappings(ctx.db),
    'mappings.unusable': async () => (await readMappings(ctx.db)).unusable,
    'mappings.save': async ({ name, mapping }) => {
      await saveMapping(ctx.db, name, mapping, ctx.now());
      return { name };
    },
  };
}

/** The column mapping an import uses: the user's, or the preset's. */
function mappingOf(source: ImportOptions['source']): ColumnMapping {
  if (source.kind === 'mapping') return source.mapping;
  const preset = loadPresets().find((p) => p.id === source.id);
  if (!preset) {
    throw new CoreError('imports.preset_unknown', `No preset "${source.id}".`, {
      id: source.id,
      preset: source.id,
    });
  }
  return preset.mapping;
}

/**
 * Metrics, RFM and tags follow the new facts. Until the recompute exists
 * (`not_implemented`) an import still succeeds and says so in the log.
 */
async function recomputeAfterImport(ctx: ServiceContext): Promise<void> {
  try {
    await recomputeAll(ctx.db, ctx.now());
  } catch (error) {
    if (!isCoreError(error) || error.code !== 'not_implemented') throw error;
    log.warn('metrics were not recomputed after the import: the recompute is not available yet');
  }
}

/** Saves a column mapping under a name, replacing one of the same name. */
export async function saveMapping(
  db: Db,
  name: string,
  mapping: ColumnMapping,
  at: Date,
): Promise<void> {
  const json = JSON.stringify(mapping);
  await db.k
    .insertInto('column_mappings')
    .values({ name, mapping_json: json, updated_at: at.getTime() })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ mapping_json: json, updated_at: at.getTime() }),
    )
    .execute();
}

/** Every saved column mapping that this version can use, by name. */
export async function listMappings(db: Db): Promise<{ name: string; mapping: ColumnMapping }[]> {
  return (await readMappings(db)).usable;
}

/**
 * The saved column mappings, usable or not: a mapping saved by an earlier version that no
 * longer validates is listed with the first reason, never deleted (saving a new mapping
 * under its name replaces it).
 */
export async function readMappings(db: Db): Promise<{
  usable: { name: string; mapping: ColumnMapping }[];
  unusable: UnusableMapping[];
}> {
  const rows = await db.k
    .selectFrom('column_mappings')
    .select(['name', 'mapping_json'])
    .orderBy('name')
    .execute();
  const usable: { name: string; mapping: ColumnMapping }[] = [];
  const unusable: UnusableMapping[] = [];
  for (const row of rows) {
    const json = parseJson(row.mapping_json);
    if (json === undefined) {
      unusable.push({
        name: row.name,
        problem: 'its stored text is not readable JSON',
        reason: { code: 'mapping.not_json' },
      });
      log.warn(`saved mapping "${row.name}" is not readable JSON`);
      continue;
    }
    const parsed = columnMappingSchema.safeParse(json);
    if (parsed.success) {
      usable.push({ name: row.name, mapping: parsed.data });
      continue;
    }
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    unusable.push({
      name: row.name,
      problem: `${where}${issue?.message ?? 'not a mapping'}`,
      reason: { code: 'mapping.invalid', issue: issue ? issueDetails([issue])[0]! : null },
    });
    log.warn(`saved mapping "${row.name}" no longer fits the contract: ${where}${issue?.message}`);
  }
  return { usable, unusable };
}

/** The stored JSON's value, or undefined when the text is not JSON (cut short, edited). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
