import type { Migration } from 'kysely';
import * as crmFacts from './20261204T1500-crm-facts';

/**
 * Every migration, in order. Names are timestamps so that they sort; a migration,
 * once released, is never edited: add a new one instead.
 */
export const migrations: Record<string, Migration> = {
  '20261204T1500-crm-facts': crmFacts,
};
