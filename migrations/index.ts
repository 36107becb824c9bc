import type { Migration } from 'kysely';
import * as crmFacts from './20261204T1500-crm-facts';
import * as importCommit from './20261204T1600-import-commit';
import * as planning from './20261204T1600-planning';
import * as crmSalesIndex from './20261204T1700-crm-sales-index';
import * as crmLinesIndex from './20261204T1710-crm-lines-index';
import * as planningOverrideBy from './20261205T0900-planning-override-by';
import * as metricsCurrency from './20261205T1000-metrics-currency';
import * as orderLinesByOrder from './20261205T1100-order-lines-by-order';
import * as tagMembersByTag from './20261206T1000-tag-members-by-tag';
import * as mergeReasonDetails from './20261206T1100-merge-reason-details';
import * as maskedPhonesHideDigits from './20261206T1200-masked-phones-hide-digits';
import * as storeZoneUnknown from './20261206T1300-store-zone-unknown';
import * as posOrdersPerStore from './20261207T0900-pos-orders-per-store';
import * as refundLines from './20261207T1000-refund-lines';
import * as identityIdsAnyCase from './20261207T1100-identity-ids-any-case';
import * as planningTaskFinishDay from './20261207T1200-planning-task-finish-day';

/**
 * Every migration, in order. Names are timestamps so that they sort; a migration,
 * once released, is never edited: add a new one instead.
 */
export const migrations: Record<string, Migration> = {
  '20261204T1500-crm-facts': crmFacts,
  '20261204T1600-import-commit': importCommit,
  '20261204T1600-planning': planning,
  '20261204T1700-crm-sales-index': crmSalesIndex,
  '20261204T1710-crm-lines-index': crmLinesIndex,
  '20261205T0900-planning-override-by': planningOverrideBy,
  '20261205T1000-metrics-currency': metricsCurrency,
  '20261205T1100-order-lines-by-order': orderLinesByOrder,
  '20261206T1000-tag-members-by-tag': tagMembersByTag,
  '20261206T1100-merge-reason-details': mergeReasonDetails,
  '20261206T1200-masked-phones-hide-digits': maskedPhonesHideDigits,
  '20261206T1300-store-zone-unknown': storeZoneUnknown,
  '20261207T0900-pos-orders-per-store': posOrdersPerStore,
  '20261207T1000-refund-lines': refundLines,
  '20261207T1100-identity-ids-any-case': identityIdsAnyCase,
  '20261207T1200-planning-task-finish-day': planningTaskFinishDay,
};
