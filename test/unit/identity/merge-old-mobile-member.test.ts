import { describe, expect, it } from 'vitest';
import { toMergeInfo } from '../../../core/crm/identity/merge';

/*
 * A merge an earlier version recorded kept a member id that is a mobile number whole, in
 * its details and its sentence. Shown now, it is masked as a phone is: first three and last
 * four digits (13812345678 → 138****5678). A phone was already stored masked and stays.
 */
const older = {
  id: 1,
  into_customer_id: 1,
  from_customer_id: 2,
  reason:
    'same person: member 13812345678 (customer 2) and phone +86 139****0000 (customer 1) ' +
    'on one row of pos.csv, line 3',
  rule: 'member',
  merged_at: Date.UTC(2026, 11, 4),
  undone_at: null,
  moved_json: '{}',
  reason_json: JSON.stringify({
    fromKeyKind: 'member',
    fromKey: '13812345678',
    intoKeyKind: 'phone',
    intoKey: '139****0000',
    file: 'pos.csv',
    line: 3,
  }),
};

describe('merges recorded before mobile member ids were masked', () => {
  it('show the member id masked in the details and the sentence', () => {
    const info = toMergeInfo(older);

    expect(info.details).toMatchObject({ fromKey: '138****5678', intoKey: '139****0000' });
    expect(info.reason).toBe(
      'same person: member 138****5678 (customer 2) and phone +86 139****0000 (customer 1) ' +
        'on one row of pos.csv, line 3',
    );
    expect(JSON.stringify(info)).not.toContain('13812345678');
  });

  it('leave an ordinary member id as it is', () => {
    const card = older.reason_json.replace('13812345678', 'M000123');
    const info = toMergeInfo({ ...older, reason: 'member M000123', reason_json: card });

    expect(info.details?.fromKey).toBe('M000123');
    expect(info.reason).toBe('member M000123');
  });
});
