import type { Lifecycle } from '../../db/schema';

/** Lifecycle stages as people read them; 'none' (never bought) has no tag. */
export const lifecycleStages: { key: Exclude<Lifecycle, 'none'>; zh: string; en: string }[] = [
  { key: 'new', zh: '新客', en: 'New' },
  { key: 'active', zh: '活跃', en: 'Active' },
  { key: 'repeat', zh: '复购', en: 'Repeat' },
  { key: 'sleeping', zh: '沉睡', en: 'Sleeping' },
  { key: 'lost', zh: '流失', en: 'Lost' },
];

/** Tag keys of the derived tags: one per RFM segment, one per lifecycle stage. */
export const rfmTagKey = (segment: string) => `rfm:${segment}`;
export const lifecycleTagKey = (stage: string) => `lifecycle:${stage}`;
