/**
 * The dashboard's period and stores as last picked, kept in the renderer's memory so that
 * a franchise owner who looks at their own store finds it still picked on coming back
 * from another screen (a fresh start shows the whole chain over 365 days).
 */
export interface DashboardView {
  days: number;
  /** Store ids; empty: the whole chain. */
  storeIds: number[];
}

let kept: DashboardView = { days: 365, storeIds: [] };

export function keptDashboardView(): DashboardView {
  return kept;
}

export function keepDashboardView(view: DashboardView): void {
  kept = view;
}
