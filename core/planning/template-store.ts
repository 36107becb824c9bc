import type { TemplateSummary } from '../api/planning';
import { CoreError } from '../shared/errors';
import { builtinTemplates } from './builtin-templates';
import type { Q } from './repo';
import type { Template, TemplateInput } from './templates';
import { parseTemplate } from './templates';

/**
 * Templates are versioned by key. Version 1 of a built-in key comes from
 * resources/templates/; every save (an edit, or a project saved as a template)
 * adds the next version in the database, so projects made from an older version
 * can always say which one they came from.
 */
export async function allTemplates(q: Q): Promise<Template[]> {
  const rows = await q.selectFrom('planning_templates').selectAll().orderBy('version').execute();
  const saved = rows.map((r) => parseTemplate(JSON.parse(r.json), `"${r.key}" v${r.version}`));
  return [...builtinTemplates(), ...saved];
}

/** One version of a template (the newest when no version is given). */
export async function getTemplate(q: Q, key: string, version?: number): Promise<Template> {
  const versions = (await allTemplates(q)).filter((t) => t.key === key);
  const found = version
    ? versions.find((t) => t.version === version)
    : versions.sort((a, b) => a.version - b.version).at(-1);
  if (!found) {
    throw new CoreError(
      'planning.template_not_found',
      `No template "${key}"${version ? ` version ${version}` : ''}; pick one from the list.`,
      { key, version },
    );
  }
  return found;
}

/** The newest version of every template, by key, for the templates list. */
export async function listTemplates(q: Q): Promise<TemplateSummary[]> {
  const all = await allTemplates(q);
  const builtin = new Set(builtinTemplates().map((t) => t.key));
  const byKey = new Map<string, Template[]>();
  for (const t of all) byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);

  return [...byKey.entries()]
    .map(([key, versions]) => {
      versions.sort((a, b) => a.version - b.version);
      const t = versions.at(-1)!;
      return {
        key,
        version: t.version,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        descriptionZh: t.descriptionZh,
        descriptionEn: t.descriptionEn,
        anchorKind: t.anchor.kind,
        phases: t.phases.length,
        tasks: t.tasks.length,
        builtin: builtin.has(key),
        versions: versions.map((v) => v.version),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Stores a template as the next version of its key, after checking it (cycles too). */
export async function saveTemplate(
  q: Q,
  input: Omit<TemplateInput, 'version'> & { version?: number },
  now: number,
): Promise<TemplateSummary> {
  const existing = (await allTemplates(q)).filter((t) => t.key === input.key);
  const version = Math.max(0, ...existing.map((t) => t.version)) + 1;
  const template = parseTemplate({ ...input, version }, `"${input.key}"`);
  await q
    .insertInto('planning_templates')
    .values({ key: template.key, version, json: JSON.stringify(template), saved_at: now })
    .execute();
  return (await listTemplates(q)).find((t) => t.key === template.key)!;
}
