import type { RecomputeSummary } from '../api/customers';
import type { Db } from '../db/open';
import { CoreError } from '../shared/errors';

export interface RecomputeOptions {
  signal?: AbortSignal;
  onProgress?: (processed: number, total: number) => void;
}

/**
 * Rebuilds every customer's metrics, RFM scores and tag membership as of `asOf`
 * from the facts, recording membership changes in the tag history.
 */
export async function recomputeAll(
  _db: Db,
  _asOf: Date,
  _options: RecomputeOptions = {},
): Promise<RecomputeSummary> {
  throw new CoreError('not_implemented', 'recomputeAll is not implemented yet.');
}

/**
 * Brings the metrics and tags of a few customers up to date after new facts (an
 * order, a merge), using the RFM cut points of the last full recompute. Must give
 * the same result as `recomputeAll` would for those customers.
 */
export async function refreshCustomers(
  _db: Db,
  _customerIds: number[],
  _asOf: Date,
): Promise<void> {
  throw new CoreError('not_implemented', 'refreshCustomers is not implemented yet.');
}
