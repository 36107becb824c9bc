import type {
  ColumnMapping,
  DateOrder,
  ImportOptions,
  RowKind,
  TargetField,
} from '../../api/imports';
import { CoreError } from '../../shared/errors';
import { minorUnitDigits } from '../../shared/money';
import { headerKey, presetById, presets, type ClassificationRules } from './presets';
import type { Source } from './source';
import { zone } from './zone';

/** Everything reading needs, resolved once per file from the options, preset and mapping. */
export interface EffectiveImport {
  /** The preset id or the saved mapping's name the batch is recorded under. */
  source: string;
  presetId: string | null;
  mapping: ColumnMapping;
  /** Target field → column index in the file. */
  columns: Partial<Record<TargetField, number>>;
  headers: string[];
  rules: ClassificationRules;
  /** Zone the file's local timestamps are written in. */
  fileTimeZone: string;
  /** Zone of the stores' business days. */
  storeTimeZone: string;
  /** The user's choice, or (once decided from the file) the file's own order; null: unknown. */
  dateOrder: DateOrder | null;
  dateOrderChosen: boolean;
  decimalComma: boolean;
  /** Digits of the minor unit: 2 for CNY, USD, GBP, BRL; 0 for JPY, KRW. */
  currencyExponent: number;
}

export const defaultStoreTimeZone = 'Asia/Shanghai';

/**
 * Resolves what to read: an explicit `mapping` (the wizard's current one) wins over
 * the options' mapping or preset; the preset still lends its zone and classification
 * rules. Every mapped header must exist in the file, else nothing is read.
 */
export function resolveImport(
  options: ImportOptions,
  mapping: ColumnMapping | undefined,
  source: Source,
  storeTimeZone?: string,
): EffectiveImport {
  const chosen = mapping ?? (options.source.kind === 'mapping' ? options.source.mapping : null);
  const preset =
    options.source.kind === 'preset'
      ? presetById(options.source.id)
      : (presets().find((p) => p.id === chosen?.basedOn) ?? null);
  const effectiveMapping = chosen ?? preset?.mapping;
  if (!effectiveMapping) throw new Error('An import needs a preset or a mapping.');

  const storeZone = storeTimeZone ?? preset?.timeZone ?? defaultStoreTimeZone;
  const fileZone = options.timeZone ?? preset?.timeZone ?? storeZone;
  zone(storeZone);
  zone(fileZone);
  requireFields(effectiveMapping);

  return {
    source:
      options.source.kind === 'preset' ? options.source.id : (options.source.name ?? 'custom'),
    presetId: preset?.id ?? null,
    mapping: effectiveMapping,
    columns: columnIndexes(effectiveMapping, source.headers),
    headers: source.headers,
    rules: preset?.rules ?? { adjustmentSkus: [] },
    fileTimeZone: fileZone,
    storeTimeZone: storeZone,
    dateOrder: options.dateOrder ?? null,
    dateOrderChosen: options.dateOrder !== undefined,
    decimalComma: source.decimalComma.used,
    currencyExponent: minorUnitDigits(effectiveMapping.currency),
  };
}

/** The columns of a mapping that a file has (target field → index), ignoring the others. */
export function columnIndexesOf(
  mapping: ColumnMapping,
  headers: string[],
): EffectiveImport['columns'] {
  return columnIndexes(mapping, headers, false);
}

function columnIndexes(
  mapping: ColumnMapping,
  headers: string[],
  strict = true,
): EffectiveImport['columns'] {
  const byKey = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (!byKey.has(key)) byKey.set(key, index);
  });

  const columns: EffectiveImport['columns'] = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(mapping.fields) as [TargetField, string][]) {
    const index = byKey.get(headerKey(header));
    if (index === undefined) missing.push(header);
    else columns[field] = index;
  }
  if (strict && missing.length > 0) {
    throw new CoreError(
      'imports.column_missing',
      `The file has no column ${missing.map((h) => `"${h}"`).join(', ')}; check the mapping or the preset.`,
      { missing, headers },
    );
  }
  return columns;
}

const requiredByKind: Record<RowKind, { all: TargetField[]; anyOf: TargetField[] }> = {
  orderLine: { all: ['orderId'], anyOf: ['unitPrice', 'lineAmount'] },
  order: { all: ['orderId', 'orderedAt'], anyOf: [] },
  payment: { all: ['orderId', 'paymentAmount'], anyOf: [] },
  customer: {
    all: [],
    anyOf: [
      'customerMemberId',
      'customerPhone',
      'customerEmail',
      'customerPlatformId',
      'customerExternalId',
    ],
  },
};

function requireFields(mapping: ColumnMapping): void {
  const { all, anyOf } = requiredByKind[mapping.rowKind];
  const fields = all.filter((field) => !mapping.fields[field]);
  const noneOf = anyOf.length > 0 && !anyOf.some((field) => mapping.fields[field]);
  const missing = noneOf ? [...fields, anyOf.join(' or ')] : fields;
  if (missing.length === 0) return;
  // `fields` (each needed) and `anyOf` (one of them needed) let the console name them.
  throw new CoreError(
    'imports.mapping_incomplete',
    `A mapping of ${mapping.rowKind} rows needs a column for ${missing.join(', ')}.`,
    { rowKind: mapping.rowKind, missing, fields, anyOf: noneOf ? anyOf : [] },
  );
}
