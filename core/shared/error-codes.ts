/**
 * Every code an expected failure of the core can carry, in one list. The console turns
 * each into a sentence in the person's language (`errors.<code>` in the renderer's locale
 * files); a unit test fails when a code thrown in `core/` is missing here, or when a code
 * here has no sentence in either language. The English `message` stays for logs and the CLI.
 */
export const errorCodes = [
  // The contract boundary and the service (dispatch, jobs, file registry).
  'api.invalid_input',
  'api.unknown_method',
  'internal',
  'not_implemented',
  'files.not_found',
  'files.unknown',
  'jobs.cancelled',
  'jobs.not_found',
  'db.migration_failed',
  'db.newer_version',

  // Customers and their merges.
  'customers.already_merged',
  'customers.merge_already_undone',
  'customers.merge_not_found',
  'customers.merge_same',
  'customers.not_found',

  // The demo chain.
  'demo.cancelled',
  'demo.not_demo',
  'demo.not_empty',

  // Imports of channel exports.
  'imports.batch_not_found',
  'imports.busy',
  'imports.cancelled',
  'imports.column_missing',
  'imports.empty',
  'imports.encoding_unknown',
  'imports.mapping_incomplete',
  'imports.preset_unknown',
  'imports.sheet_unknown',
  'imports.xlsx_unreadable',
  'imports.zone_unknown',

  // Lifecycle, RFM, tags and their rules.
  'lifecycle.bad_thresholds',
  'rfm.bad_cut_points',
  'rules.bad_comparator',
  'rules.bad_value',
  'rules.too_deep',
  'rules.unknown_field',
  'tags.builtin',
  'tags.derived',
  'tags.kind_fixed',
  'tags.not_found',
  'tags.not_manual',
  'tags.rule_missing',

  // Planning: calendars, predecessors, freezes, templates.
  'planning.bad_day',
  'planning.bad_goal',
  'planning.bad_weekend',
  'planning.bad_zone',
  'planning.cycle',
  'planning.date_out_of_range',
  'planning.day_in_both',
  'planning.no_working_days',
  'planning.predecessor_duplicate',
  'planning.predecessor_invalid',
  'planning.predecessor_unknown',
  'planning.project_not_found',
  'planning.self_dependency',
  'planning.task_frozen',
  'planning.task_not_found',
  'planning.template_invalid',
  'planning.template_not_found',
  'planning.unknown_store',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * Why a part of an input cannot be used, as a code the console can put into words, with
 * the values that sentence names: a template's inner mistakes and a saved mapping's.
 */
export const problemCodes = [
  'mapping.not_json',
  'mapping.invalid',
  'template.phase_key_twice',
  'template.task_key_twice',
  'template.unknown_phase',
  'template.unknown_task',
  'template.kpi_weights',
  'template.shape',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

/**
 * The reasons a check of our own (a zod `custom` issue) gives in `params.reason`, so that
 * a validation failure at the contract boundary reads as a sentence, not as English.
 */
export const customIssueReasons = [
  'currency_unknown',
  'lifecycle_order',
  'goal_range',
  'goal_whole',
  'goal_zero',
  'goal_same',
  'goal_unit_empty',
  'goal_unit_money',
  'goal_period',
] as const;

export type CustomIssueReason = (typeof customIssueReasons)[number];

/**
 * The codes of a row an import refuses (`RowError.code`), shown in the import wizard as
 * `rowError.<code>` with the row's value and column.
 */
export const rowErrorCodes = [
  'customer.no_key',
  'customer_no_key',
  'date.invalid',
  'date.order_unknown',
  'date.year_out_of_range',
  'email.invalid',
  'gender.invalid',
  'line_differs',
  'line_no_amount',
  'money.invalid',
  'money.out_of_range',
  'number.invalid',
  'number.not_integer',
  'number.out_of_range',
  'order_no_id',
  'order_no_time',
  'order_other_customer',
  'order_customers_differ',
  'order_unknown',
  'payment_no_amount',
  'phone.invalid',
  'quantity.zero',
  'refund_before_sale',
  'refund_exceeds',
  'row.width',
  'store.required',
  'text.too_long',
  'value.missing',
] as const;
