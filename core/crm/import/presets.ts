import { z } from 'zod';
import { columnMappingSchema, type PresetInfo } from '../../api/imports';
import { CoreError } from '../../shared/errors';
import deliveryPlatform from '../../../resources/presets/delivery-platform.json';
import miniprogramShop from '../../../resources/presets/miniprogram-shop.json';
import olistCustomers from '../../../resources/presets/olist-customers.json';
import olistOrderItems from '../../../resources/presets/olist-order-items.json';
import olistOrders from '../../../resources/presets/olist-orders.json';
import olistPayments from '../../../resources/presets/olist-payments.json';
import posStandard from '../../../resources/presets/pos-standard.json';
import superstore from '../../../resources/presets/superstore.json';
import uciOnlineRetail from '../../../resources/presets/uci-online-retail.json';

/**
 * Known export layouts, kept as data in resources/presets/*.json (documented in
 * docs/import-presets.md) and checked here when first used. A preset is a column
 * mapping plus what a mapping alone cannot say: the zone the file's times are in and
 * how the source marks cancellations and adjustments.
 */

const rulesSchema = z.object({
  /** Order ids starting with this are cancellations (UCI: `C536379`). */
  cancelPrefix: z.string().min(1).max(8).optional(),
  /** Product codes that are not goods but adjustments (postage, bad debt, manual, discount). */
  adjustmentSkus: z.array(z.string().min(1).max(64)).default([]),
});
export type ClassificationRules = z.infer<typeof rulesSchema>;

const presetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  descriptionZh: z.string().min(1),
  descriptionEn: z.string().min(1),
  timeZone: z.string().optional(),
  rules: rulesSchema.default({ adjustmentSkus: [] }),
  mapping: columnMappingSchema,
});
export type Preset = z.infer<typeof presetSchema>;

const rawPresets: unknown[] = [
  posStandard,
  miniprogramShop,
  deliveryPlatform,
  uciOnlineRetail,
  superstore,
  olistCustomers,
  olistOrders,
  olistOrderItems,
  olistPayments,
];

let validated: Preset[] | null = null;

/** Every built-in preset, validated once; a broken preset file is a bug and says which. */
export function presets(): Preset[] {
  if (validated) return validated;
  validated = rawPresets.map((raw, index) => {
    const parsed = presetSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`Preset #${index} in resources/presets is invalid: ${parsed.error.message}`);
    }
    return parsed.data;
  });
  return validated;
}

export function presetById(id: string): Preset {
  const preset = presets().find((candidate) => candidate.id === id);
  if (!preset) {
    throw new CoreError('imports.preset_unknown', `There is no preset "${id}".`, {
      preset: id,
      known: presets().map((p) => p.id),
    });
  }
  return preset;
}

export function presetList(): PresetInfo[] {
  return presets().map((preset) => ({
    id: preset.id,
    nameZh: preset.nameZh,
    nameEn: preset.nameEn,
    descriptionZh: preset.descriptionZh,
    descriptionEn: preset.descriptionEn,
    rowKind: preset.mapping.rowKind,
    channel: preset.mapping.channel,
    mapping: preset.mapping,
    ...(preset.timeZone ? { timeZone: preset.timeZone } : {}),
  }));
}

/** Header text compared loosely: no BOM, no surrounding space, case-insensitive. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/**
 * The preset whose every mapped column the file has; when several fit, the one that
 * uses most of the file's columns (olist-orders over a smaller layout that shares its ids).
 */
export function suggestPresetFor(headers: string[]): string | null {
  const have = new Set(headers.map(headerKey));
  let best: { id: string; score: number } | null = null;
  for (const preset of presets()) {
    const wanted = Object.values(preset.mapping.fields).map((h) => headerKey(h ?? ''));
    if (wanted.length === 0 || !wanted.every((h) => have.has(h))) continue;
    const score = wanted.length / Math.max(have.size, 1);
    if (!best || score > best.score) best = { id: preset.id, score };
  }
  return best?.id ?? null;
}
