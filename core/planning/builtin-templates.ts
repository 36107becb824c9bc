import type { Template } from './templates';
import { parseTemplate } from './templates';
import clearance from '../../resources/templates/clearance.json';
import customerWinBack from '../../resources/templates/customer-win-back.json';
import holidayPromotion from '../../resources/templates/holiday-promotion.json';
import memberDay from '../../resources/templates/member-day.json';
import newProductLaunch from '../../resources/templates/new-product-launch.json';
import newStoreBusinessDistrict from '../../resources/templates/new-store-business-district.json';
import newStoreCommunity from '../../resources/templates/new-store-community.json';
import quarterlySalesPush from '../../resources/templates/quarterly-sales-push.json';
import regionalOperationsMonth from '../../resources/templates/regional-operations-month.json';
import staffTraining from '../../resources/templates/staff-training.json';
import storeDisplayRefresh from '../../resources/templates/store-display-refresh.json';

/**
 * The templates that ship with the console, read from resources/templates/*.json
 * and checked once at first use (a broken file fails loudly, naming itself).
 */
const files: Record<string, unknown> = {
  'clearance.json': clearance,
  'customer-win-back.json': customerWinBack,
  'holiday-promotion.json': holidayPromotion,
  'member-day.json': memberDay,
  'new-product-launch.json': newProductLaunch,
  'new-store-business-district.json': newStoreBusinessDistrict,
  'new-store-community.json': newStoreCommunity,
  'quarterly-sales-push.json': quarterlySalesPush,
  'regional-operations-month.json': regionalOperationsMonth,
  'staff-training.json': staffTraining,
  'store-display-refresh.json': storeDisplayRefresh,
};

let cache: Template[] | null = null;

/** The built-in templates, in a stable order (by key). */
export function builtinTemplates(): Template[] {
  cache ??= Object.entries(files)
    .map(([file, raw]) => parseTemplate(raw, `resources/templates/${file}`))
    .sort((a, b) => a.key.localeCompare(b.key));
  return cache;
}
