import type { Kysely } from 'kysely';

/**
 * Planning facts: projects (goal, scope and calendar as JSON), phases, tasks,
 * dependencies, the overrides planners gave for starting frozen tasks, and the
 * templates planners saved (built-in templates live in resources/templates/).
 * Business days are 'YYYY-MM-DD' text in the project's zone; instants are ms UTC.
 * Schedules and freezes are derived on read and never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('planning_projects')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('goal_json', 'text') // Goal | null
    .addColumn('scope_json', 'text', (c) => c.notNull()) // { storeIds, regions }
    .addColumn('anchor_day', 'text', (c) => c.notNull())
    .addColumn('calendar_json', 'text', (c) => c.notNull()) // CalendarSpec
    .addColumn('kpis_json', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('template_version', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('planning_phases')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('planning_projects.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('planning_tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('planning_projects.id').onDelete('cascade'),
    )
    .addColumn('phase_id', 'integer', (c) =>
      c.references('planning_phases.id').onDelete('set null'),
    )
    // Row number in the project: what predecessor text such as "3FS+2" points at.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('owner', 'text')
    .addColumn('start_day', 'text', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // not_started | in_progress | done | cancelled
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0)) // 0–100
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planning_tasks_project')
    .on('planning_tasks')
    .columns(['project_id', 'seq'])
    .execute();

  await db.schema
    .createTable('planning_dependencies')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('planning_projects.id').onDelete('cascade'),
    )
    .addColumn('predecessor_id', 'integer', (c) =>
      c.notNull().references('planning_tasks.id').onDelete('cascade'),
    )
    .addColumn('successor_id', 'integer', (c) =>
      c.notNull().references('planning_tasks.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull()) // FS | SS | FF | SF
    .addColumn('lag_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('planning_dependencies_pair', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema
    .createIndex('planning_dependencies_project')
    .on('planning_dependencies')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('planning_overrides')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) =>
      c.notNull().references('planning_tasks.id').onDelete('cascade'),
    )
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('holds_json', 'text', (c) => c.notNull()) // the predecessors that held it
    .execute();

  await db.schema
    .createTable('planning_templates')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('planning_templates_pk', ['key', 'version'])
    .execute();
}
