/**
 * The fixed cast of the demo chain "邻里鲜" (a made-up convenience and bakery chain in
 * the Yangtze delta): its stores, its product range and the names its customers carry.
 * Nothing here is random; the generator draws from these lists.
 */

export type DistrictKind = 'business' | 'residential';

export interface DemoStore {
  code: string;
  name: string;
  city: string;
  region: string;
  districtKind: DistrictKind;
  openedOn: string;
  /** Relative trade: how many shoppers it draws compared with an average store. */
  traffic: number;
}

export const demoStores: readonly DemoStore[] = [
  store('SH01', '邻里鲜·上海陆家嘴店', '上海', '华东一区', 'business', '2019-03-18', 1.5),
  store('SH02', '邻里鲜·上海静安寺店', '上海', '华东一区', 'business', '2019-09-01', 1.3),
  store('SH03', '邻里鲜·上海古美店', '上海', '华东一区', 'residential', '2020-05-20', 1.1),
  store('SH04', '邻里鲜·上海大华店', '上海', '华东一区', 'residential', '2021-04-08', 0.9),
  store('HZ01', '邻里鲜·杭州武林店', '杭州', '华东二区', 'business', '2020-10-10', 1.2),
  store('HZ02', '邻里鲜·杭州滨江店', '杭州', '华东二区', 'residential', '2021-06-18', 1.0),
  store('HZ03', '邻里鲜·杭州城西银泰店', '杭州', '华东二区', 'residential', '2022-01-15', 0.8),
  store('SZ01', '邻里鲜·苏州观前街店', '苏州', '华东三区', 'business', '2020-12-12', 1.0),
  store('SZ02', '邻里鲜·苏州园区湖东店', '苏州', '华东三区', 'residential', '2022-08-08', 0.9),
  store('NJ01', '邻里鲜·南京新街口店', '南京', '华东三区', 'business', '2021-03-03', 1.1),
  store('NJ02', '邻里鲜·南京河西万达店', '南京', '华东三区', 'residential', '2022-05-01', 0.8),
  store('NB01', '邻里鲜·宁波天一店', '宁波', '华东二区', 'business', '2023-09-09', 0.7),
];

function store(
  code: string,
  name: string,
  city: string,
  region: string,
  districtKind: DistrictKind,
  openedOn: string,
  traffic: number,
): DemoStore {
  return { code, name, city, region, districtKind, openedOn, traffic };
}

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  priceFen: number;
  /** Sold by weight: quantities such as 0.85 (kg). */
  weighed?: boolean;
}

/** Category names as the chain's own staff write them, in Chinese. */
export const categories = ['饮品', '烘焙', '零食', '生鲜', '乳品', '熟食', '日用品'] as const;
export type Category = (typeof categories)[number];

const range: Record<Category, [string, number, boolean?][]> = {
  饮品: [
    ['美式咖啡', 1500],
    ['拿铁咖啡', 1800],
    ['生椰拿铁', 2200],
    ['杨枝甘露', 1900],
    ['柠檬茶', 1200],
    ['农夫山泉550ml', 200],
    ['元气森林苏打气泡水', 550],
    ['东方树叶乌龙茶', 600],
  ],
  烘焙: [
    ['全麦吐司', 1280],
    ['牛角可颂', 900],
    ['肉松小贝(4只)', 1600],
    ['芝士蛋糕切块', 2200],
    ['蛋黄酥(6只)', 3600],
    ['草莓奶油生日蛋糕6寸', 16800],
    ['广式月饼礼盒', 19800],
    ['法式长棍', 1000],
  ],
  零食: [
    ['每日坚果(7袋)', 4990],
    ['乐事薯片原味', 850],
    ['奥利奥夹心饼干', 990],
    ['旺旺雪饼', 1290],
    ['三只松鼠夏威夷果', 2990],
    ['德芙巧克力', 1590],
    ['卫龙辣条', 600],
  ],
  生鲜: [
    ['阳光玫瑰葡萄', 3980, true],
    ['海南香蕉', 990, true],
    ['赣南脐橙', 1280, true],
    ['烟台红富士苹果', 1480, true],
    ['有机小番茄', 1590],
    ['散养土鸡蛋(10枚)', 1890],
    ['精品鲜切水果杯', 1500],
  ],
  乳品: [
    ['光明鲜牛奶950ml', 1690],
    ['简爱酸奶(3杯)', 1890],
    ['蒙牛纯牛奶(12盒)', 5500],
    ['安佳黄油', 3290],
  ],
  熟食: [
    ['饭团金枪鱼', 800],
    ['关东煮套餐', 1200],
    ['照烧鸡腿便当', 2300],
    ['三明治火腿芝士', 1300],
    ['卤味拼盘', 3500],
  ],
  日用品: [
    ['维达抽纸(6包)', 2590],
    ['蓝月亮洗衣液2kg', 4990],
    ['舒肤佳香皂', 690],
    ['高露洁牙膏', 1290],
    ['一次性手套(100只)', 990],
  ],
};

const skuPrefix: Record<Category, string> = {
  饮品: 'BV',
  烘焙: 'BK',
  零食: 'SN',
  生鲜: 'FR',
  乳品: 'DY',
  熟食: 'DL',
  日用品: 'HH',
};

/** Every product of the range, in a fixed order; within a category, best sellers first. */
export const demoProducts: readonly DemoProduct[] = categories.flatMap((category) =>
  range[category].map(([name, priceFen, weighed], i) => ({
    sku: `${skuPrefix[category]}${String(i + 1).padStart(3, '0')}`,
    name,
    category,
    priceFen,
    ...(weighed ? { weighed } : {}),
  })),
);

/** Common surnames, roughly in order of frequency. */
export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周',
  '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹',
]; // prettier-ignore

export const givenNamesF = [
  '婷', '静', '敏', '丽', '娟', '芳', '艳', '雪', '琳', '欣',
  '悦', '萱', '思雨', '梓涵', '雨桐', '佳怡', '欣怡', '诗琪', '晓燕', '慧敏',
]; // prettier-ignore

export const givenNamesM = [
  '伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '斌', '超',
  '浩', '鹏', '子轩', '浩然', '宇航', '俊杰', '建华', '志强', '文博', '明辉',
]; // prettier-ignore

/**
 * Mobile prefixes the numbers are built on. Every demo number has `0000` as its
 * middle block (e.g. 138 0000 1234): valid in form, and plainly made up to a reader.
 */
export const mobilePrefixes = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150',
  '151', '152', '155', '156', '157', '158', '159', '166', '177', '180',
  '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
]; // prettier-ignore
