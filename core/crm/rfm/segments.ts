/**
 * The named RFM segments, placed on the R × F grid (both scored 1–5, 5 best). The
 * monetary score is shown beside them but does not move a customer between segments:
 * on five-by-five the two behaviours that matter for a campaign are "how lately" and
 * "how often", and a grid the user can read beats a 125-cell cube.
 *
 *            F=1             F=2             F=3             F=4        F=5
 *   R=5      new             potential       potential       champions  champions
 *   R=4      promising       potential       potential       loyal      loyal
 *   R=3      about_to_sleep  about_to_sleep  need_attention  loyal      loyal
 *   R=2      hibernating     hibernating     at_risk         at_risk    cant_lose
 *   R=1      lost            hibernating     at_risk         at_risk    cant_lose
 */
export const rfmSegments = [
  { key: 'champions', zh: '冠军客户', en: 'Champions' },
  { key: 'loyal', zh: '忠诚客户', en: 'Loyal' },
  { key: 'potential_loyalist', zh: '潜在忠诚客户', en: 'Potential Loyalist' },
  { key: 'new', zh: '新客户', en: 'New' },
  { key: 'promising', zh: '有潜力客户', en: 'Promising' },
  { key: 'need_attention', zh: '需要关注', en: 'Need Attention' },
  { key: 'about_to_sleep', zh: '即将沉睡', en: 'About to Sleep' },
  { key: 'at_risk', zh: '流失风险', en: 'At Risk' },
  { key: 'cant_lose', zh: '不能失去', en: "Can't Lose" },
  { key: 'hibernating', zh: '休眠客户', en: 'Hibernating' },
  { key: 'lost', zh: '已流失', en: 'Lost' },
] as const;

export type RfmSegment = (typeof rfmSegments)[number]['key'];

/** Rows R=5 … R=1, columns F=1 … F=5, as drawn above. */
const grid: readonly (readonly RfmSegment[])[] = [
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['lost', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
];

/** The segment of an R and F score pair. */
export function segmentOf(r: number, f: number): RfmSegment {
  const segment = grid[5 - r]?.[f - 1];
  if (!segment) throw new Error(`RFM scores out of range: R=${r}, F=${f}`);
  return segment;
}

/** Every cell of the grid with its segment, for the SQL mapping. */
export function segmentCells(): { r: number; f: number; segment: RfmSegment }[] {
  const cells: { r: number; f: number; segment: RfmSegment }[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) cells.push({ r, f, segment: segmentOf(r, f) });
  }
  return cells;
}
