import { rfmSegments } from '../rfm/segments';
import { lifecycleStages } from '../tags/names';

/** A code's name in both languages, as the console shows it. */
export interface Names {
  zh: string;
  en: string;
}

/**
 * The names a segment file writes for the codes the database keeps: lifecycle stage, RFM
 * segment and gender. The console has the same words in its locale files (the core cannot
 * read those); a unit test keeps the two in step.
 */
export const valueNames: Record<'lifecycle' | 'rfmSegment' | 'gender', Record<string, Names>> = {
  lifecycle: {
    ...Object.fromEntries(lifecycleStages.map((s) => [s.key, { zh: s.zh, en: s.en }])),
    // A customer who never bought: no lifecycle tag, but a stage in the metrics.
    none: { zh: '无订单', en: 'No orders' },
  },
  rfmSegment: Object.fromEntries(rfmSegments.map((s) => [s.key, { zh: s.zh, en: s.en }])),
  gender: {
    F: { zh: '女', en: 'Female' },
    M: { zh: '男', en: 'Male' },
  },
};

/**
 * A code as a person reads it, in both languages like the file's headers ("流失 Lost");
 * a code without a name (a newer stage, say) is written as it is rather than dropped.
 */
export function bilingualName(kind: keyof typeof valueNames, code: string | null): string | null {
  if (code === null) return null;
  const names = valueNames[kind][code];
  return names ? `${names.zh} ${names.en}` : code;
}
