import type { GridState } from 'ag-grid-community';

/**
 * How the customers list looked when a customer's page was opened from it: the toolbar,
 * the grid's filters and sort, the first row on screen and the list's own parameters
 * (`?tag=`, `?rfm=`). Kept in the renderer's memory (not the URL), so that going back from
 * the customer's page shows the list as it was left, not a fresh one.
 */
export interface CustomersView {
  search: string;
  tagIds: number[];
  lifecycle: string[];
  /** Preferred stores picked (ids). */
  storeIds: number[];
  /** The list's URL parameters, e.g. `rfm=5-3`. */
  params: string;
  grid: GridState;
  firstRow: number;
}

let kept: CustomersView | null = null;
let backFromCustomer = false;

/** A hash that shows one customer, e.g. `#/customers/42`. */
function isCustomerPage(hash: string): boolean {
  return /^#\/?customers\/[^/?]+/.test(hash);
}

// Which screen the console came from decides whether the list is restored: only coming
// back from a customer's page (its back button or the browser's) finds the list as left.
window.addEventListener('hashchange', (event) => {
  backFromCustomer = isCustomerPage(new URL(event.oldURL).hash);
});

/** Keeps the list as it is, on leaving it for a customer's page. */
export function keepView(view: CustomersView): void {
  kept = view;
}

/**
 * The list as it was left, when the console is coming back to it from a customer's page
 * with the same parameters; otherwise null (the list starts afresh, as from the menu).
 */
export function viewToRestore(params: URLSearchParams): CustomersView | null {
  if (!backFromCustomer || !kept || kept.params !== params.toString()) return null;
  return kept;
}

/** The list's parameters as they were left (for the customer page's back button). */
export function keptParams(): Record<string, string> | undefined {
  if (!kept || kept.params === '') return undefined;
  return Object.fromEntries(new URLSearchParams(kept.params));
}
