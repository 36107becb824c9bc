import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, decodeText, detectEncoding } from '../../../core/crm/import/decode';

// A few lines of a Chinese POS export, enough text for statistics to recognise GBK.
const chineseCsv = [
  '门店编号,门店名称,单据号,交易时间,会员卡号,手机号,商品名称,数量,单价',
  '0101,上海南京东路店,P0001,2024-05-31 10:15:00,M1001,13800001234,有机纯牛奶 250毫升,2,6.50',
  '0101,上海南京东路店,P0002,2024-05-31 10:20:00,M1002,13900005678,全麦面包 切片装,1,12.80',
  '0205,北京王府井店,P0003,2024-05-31 11:02:00,,,精选苹果 新疆阿克苏,3,9.90',
  '0205,北京王府井店,P0004,2024-05-31 11:40:00,M1003,13700009999,鲜榨橙汁 大瓶装,1,15.00',
].join('\r\n');

describe('text encodings', () => {
  it('recognises UTF-8 and strips its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chineseCsv, 'utf8')]);
    const choice = detectEncoding(bytes);
    expect(choice).toEqual({ detected: 'utf-8', used: 'utf-8', confidence: 1 });
    expect(decodeText(bytes, choice.used)).toBe(chineseCsv);
  });

  it('recognises UTF-8 without a byte-order mark', () => {
    expect(detectEncoding(Buffer.from(chineseCsv, 'utf8')).used).toBe('utf-8');
  });

  it('recognises GBK bytes as GB18030 and decodes them', () => {
    const bytes = iconv.encode(chineseCsv, 'gbk');
    const choice = detectEncoding(bytes);
    expect(choice.used).toBe('gb18030');
    expect(choice.confidence).toBeGreaterThan(0.5);
    expect(decodeText(bytes, choice.used)).toBe(chineseCsv);
  });

  it('recognises Latin-1 text and reads it as windows-1252', () => {
    const western =
      'Kunde;Straße;Betrag\nMüller;Königstraße 5;12,50 €\nLefèvre;Rue de la Paix;3,20 €\n';
    const bytes = iconv.encode(western, 'latin1');
    const choice = detectEncoding(bytes);
    expect(choice.used).toBe('windows-1252');
    expect(decodeText(bytes, choice.used)).toContain('Königstraße');
  });

  it('lets the user override the detected encoding, and refuses unknown names', () => {
    const bytes = iconv.encode(chineseCsv, 'gbk');
    const choice = chooseEncoding(bytes, 'gbk');
    expect(choice.used).toBe('gbk');
    expect(choice.detected).toBe(detectEncoding(bytes).detected);
    expect(() => chooseEncoding(bytes, 'klingon-8')).toThrow(/Unknown text encoding/);
  });
});
