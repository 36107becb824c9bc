import { describe, expect, it } from 'vitest';
import { storeLabel, storeMatches } from '../../../renderer/src/screens/planning/storeText';

const sh02 = { code: 'SH02', name: '邻里鲜·上海静安寺店' };

describe('how the scope picker names and finds a store', () => {
  it('names a store by code and name, or by code alone when the name is the code', () => {
    expect(storeLabel(sh02)).toBe('SH02 邻里鲜·上海静安寺店');
    expect(storeLabel({ code: 'S07', name: 'S07' })).toBe('S07');
    expect(storeLabel({ code: 'S08', name: '' })).toBe('S08');
  });

  it('finds a store by any part of its code in any case, or of its name', () => {
    expect(storeMatches(sh02, 'sh02')).toBe(true);
    expect(storeMatches(sh02, ' SH0 ')).toBe(true);
    expect(storeMatches(sh02, '静安')).toBe(true);
    expect(storeMatches(sh02, 'SH03')).toBe(false);
    expect(storeMatches(sh02, '徐汇')).toBe(false);
  });
});
