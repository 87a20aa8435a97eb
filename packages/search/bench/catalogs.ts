import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Availability, Product } from '@vitrine/core';
import { generateCatalog } from '../../../examples/shop/src/catalog.js';
import { seeded } from '../test/fixtures/catalog.js';

/**
 * The catalogs of the search benchmark: a seeded synthetic one of any size, shaped like a real
 * marketplace (40% Taobao-style Chinese titles, 23 categories, ~90 brands, descriptions), and the
 * real catalogs of ../shared/data plus the demo shop's, converted to the core `Product` model.
 */

const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** `[English, Chinese]`. */
type Pair = readonly [en: string, zh: string];

interface CategorySpec {
  path: readonly [Pair, Pair];
  nouns: readonly Pair[];
  adjectives: readonly Pair[];
  specs: readonly string[];
}

// Why a catalog of our own: the test fixture's titles come from 15 adjectives and 20 nouns, so
// every prefix matches a fifth of the catalog and no query is selective; shops look like this.
// prettier-ignore
const CATEGORIES: readonly CategorySpec[] = [
  { path: [['Audio', '数码影音'], ['Headphones', '耳机']], nouns: [['Headphones', '耳机'], ['Earbuds', '蓝牙耳机'], ['Headset', '头戴式耳机'], ['Neckband', '挂脖耳机']], adjectives: [['Wireless', '无线'], ['Noise Cancelling', '降噪'], ['Sports', '运动'], ['Bass', '重低音']], specs: ['40h', 'ANC', 'Hi-Res', 'BT5.3'] },
  { path: [['Audio', '数码影音'], ['Speakers', '音箱']], nouns: [['Speaker', '音箱'], ['Soundbar', '回音壁'], ['Subwoofer', '低音炮'], ['Radio', '收音机']], adjectives: [['Portable', '便携'], ['Waterproof', '防水'], ['Smart', '智能'], ['Retro', '复古']], specs: ['20W', '60W', 'IPX7', 'Stereo'] },
  { path: [['Phones', '手机通讯'], ['Smartphones', '手机']], nouns: [['Smartphone', '智能手机'], ['Phone', '手机'], ['Foldable Phone', '折叠屏手机'], ['Gaming Phone', '游戏手机']], adjectives: [['Flagship', '旗舰'], ['Dual SIM', '双卡双待'], ['5G', '全网通'], ['Rugged', '三防']], specs: ['128GB', '256GB', '512GB', '1TB'] },
  { path: [['Phones', '手机通讯'], ['Accessories', '手机配件']], nouns: [['Phone Case', '手机壳'], ['Charger', '充电器'], ['Power Bank', '充电宝'], ['Cable', '数据线'], ['Screen Protector', '钢化膜']], adjectives: [['Fast', '快充'], ['Magnetic', '磁吸'], ['Slim', '超薄'], ['Shockproof', '防摔']], specs: ['20W', '65W', '10000mAh', '20000mAh', 'USB-C'] },
  { path: [['Computers', '电脑办公'], ['Laptops', '笔记本']], nouns: [['Laptop', '笔记本电脑'], ['Ultrabook', '轻薄本'], ['Gaming Laptop', '游戏本'], ['Chromebook', '上网本']], adjectives: [['Lightweight', '轻薄'], ['Business', '商务'], ['Touchscreen', '触屏'], ['Performance', '高性能']], specs: ['14 inch', '16 inch', '16GB', '32GB', 'RTX4060'] },
  { path: [['Computers', '电脑办公'], ['Keyboards', '键盘']], nouns: [['Keyboard', '键盘'], ['Mechanical Keyboard', '机械键盘'], ['Keycaps', '键帽'], ['Numpad', '数字小键盘']], adjectives: [['Mechanical', '机械'], ['Backlit', '背光'], ['Compact', '紧凑'], ['Ergonomic', '人体工学']], specs: ['87 keys', '104 keys', 'RGB', 'Hot-swap'] },
  { path: [['Computers', '电脑办公'], ['Mice', '鼠标']], nouns: [['Mouse', '鼠标'], ['Trackball', '轨迹球'], ['Mouse Pad', '鼠标垫'], ['Gaming Mouse', '游戏鼠标']], adjectives: [['Wireless', '无线'], ['Silent', '静音'], ['Ergonomic', '人体工学'], ['Rechargeable', '充电']], specs: ['16000 DPI', '2.4G', 'Bluetooth', 'XL'] },
  { path: [['Computers', '电脑办公'], ['Monitors', '显示器']], nouns: [['Monitor', '显示器'], ['Curved Monitor', '曲面屏'], ['Portable Monitor', '便携屏'], ['Monitor Arm', '显示器支架']], adjectives: [['4K', '高清'], ['Gaming', '电竞'], ['Frameless', '无边框'], ['Eye Care', '护眼']], specs: ['24 inch', '27 inch', '144Hz', '165Hz', 'IPS'] },
  { path: [['Home', '家居家装'], ['Kitchen', '厨房电器']], nouns: [['Blender', '榨汁机'], ['Kettle', '电水壶'], ['Rice Cooker', '电饭煲'], ['Air Fryer', '空气炸锅'], ['Coffee Maker', '咖啡机'], ['Toaster', '面包机']], adjectives: [['Stainless Steel', '不锈钢'], ['Automatic', '全自动'], ['Compact', '迷你'], ['Programmable', '智能预约']], specs: ['1.5L', '3L', '5L', '1200W'] },
  { path: [['Home', '家居家装'], ['Bedding', '床上用品']], nouns: [['Duvet', '羽绒被'], ['Pillow', '枕头'], ['Bed Sheet Set', '四件套'], ['Blanket', '毛毯'], ['Mattress Topper', '床垫']], adjectives: [['Cotton', '纯棉'], ['Wool', '羊毛'], ['Silk', '桑蚕丝'], ['Cooling', '凉感']], specs: ['Queen', 'King', '1.5m', '1.8m'] },
  { path: [['Home', '家居家装'], ['Lighting', '灯具']], nouns: [['Desk Lamp', '台灯'], ['Ceiling Light', '吸顶灯'], ['Floor Lamp', '落地灯'], ['Night Light', '小夜灯'], ['LED Strip', '灯带']], adjectives: [['Dimmable', '调光'], ['Smart', '智能'], ['Nordic', '北欧'], ['Eye Care', '护眼']], specs: ['LED', '12W', '24W', 'RGB'] },
  { path: [['Home', '家居家装'], ['Storage', '收纳']], nouns: [['Storage Box', '收纳箱'], ['Shelf', '置物架'], ['Hanger', '衣架'], ['Drawer Organizer', '抽屉收纳盒']], adjectives: [['Foldable', '折叠'], ['Stackable', '可叠加'], ['Bamboo', '竹制'], ['Transparent', '透明']], specs: ['30L', '60L', '3 tier', '5 pack'] },
  { path: [['Apparel', '服饰内衣'], ['T-shirts', 'T恤']], nouns: [['T-Shirt', 'T恤'], ['Polo Shirt', 'POLO衫'], ['Tank Top', '背心'], ['Long Sleeve Tee', '长袖T恤']], adjectives: [['Cotton', '纯棉'], ['Oversized', '宽松'], ['Quick Dry', '速干'], ['Graphic', '印花']], specs: ['S', 'M', 'L', 'XL', 'XXL'] },
  { path: [['Apparel', '服饰内衣'], ['Jackets', '外套']], nouns: [['Jacket', '夹克'], ['Down Jacket', '羽绒服'], ['Windbreaker', '冲锋衣'], ['Fleece', '抓绒衣'], ['Trench Coat', '风衣']], adjectives: [['Waterproof', '防水'], ['Lightweight', '轻薄'], ['Hooded', '连帽'], ['Insulated', '加厚保暖']], specs: ['S', 'M', 'L', 'XL'] },
  { path: [['Apparel', '服饰内衣'], ['Dresses', '连衣裙']], nouns: [['Dress', '连衣裙'], ['Maxi Dress', '长裙'], ['Shirt Dress', '衬衫裙'], ['Skirt', '半身裙']], adjectives: [['Floral', '碎花'], ['Linen', '亚麻'], ['Vintage', '法式复古'], ['Pleated', '百褶']], specs: ['S', 'M', 'L'] },
  { path: [['Shoes', '鞋靴'], ['Running', '跑步鞋']], nouns: [['Running Shoes', '跑步鞋'], ['Sneakers', '运动鞋'], ['Trail Shoes', '越野跑鞋'], ['Walking Shoes', '健步鞋']], adjectives: [['Breathable', '透气'], ['Cushioned', '缓震'], ['Lightweight', '轻便'], ['Non-slip', '防滑']], specs: ['40', '41', '42', '43', '44'] },
  { path: [['Shoes', '鞋靴'], ['Boots', '靴子']], nouns: [['Boots', '靴子'], ['Chelsea Boots', '切尔西靴'], ['Snow Boots', '雪地靴'], ['Hiking Boots', '登山鞋']], adjectives: [['Leather', '真皮'], ['Waterproof', '防水'], ['Warm', '加绒'], ['Ankle', '短靴']], specs: ['38', '39', '40', '41', '42'] },
  { path: [['Bags', '箱包'], ['Backpacks', '背包']], nouns: [['Backpack', '双肩包'], ['Laptop Bag', '电脑包'], ['Duffel Bag', '旅行包'], ['Tote Bag', '托特包'], ['Suitcase', '行李箱']], adjectives: [['Travel', '旅行'], ['Anti-theft', '防盗'], ['Canvas', '帆布'], ['Large Capacity', '大容量']], specs: ['20L', '30L', '40L', '20 inch', '24 inch'] },
  { path: [['Beauty', '美妆护肤'], ['Skincare', '护肤']], nouns: [['Moisturizer', '面霜'], ['Serum', '精华液'], ['Cleanser', '洗面奶'], ['Sunscreen', '防晒霜'], ['Face Mask', '面膜']], adjectives: [['Hydrating', '补水'], ['Brightening', '美白'], ['Anti-aging', '抗皱'], ['Gentle', '温和']], specs: ['30ml', '50ml', '100ml', 'SPF50'] },
  { path: [['Beauty', '美妆护肤'], ['Makeup', '彩妆']], nouns: [['Lipstick', '口红'], ['Foundation', '粉底液'], ['Mascara', '睫毛膏'], ['Eyeshadow Palette', '眼影盘'], ['Concealer', '遮瑕膏']], adjectives: [['Matte', '哑光'], ['Long-lasting', '持久'], ['Waterproof', '防水'], ['Velvet', '丝绒']], specs: ['#01', '#02', '#03', '12 colors'] },
  { path: [['Sports', '运动户外'], ['Fitness', '健身']], nouns: [['Yoga Mat', '瑜伽垫'], ['Dumbbells', '哑铃'], ['Resistance Bands', '弹力带'], ['Jump Rope', '跳绳'], ['Foam Roller', '泡沫轴']], adjectives: [['Non-slip', '防滑'], ['Adjustable', '可调节'], ['Thick', '加厚'], ['Professional', '专业']], specs: ['6mm', '10mm', '5kg', '10kg', '20kg'] },
  { path: [['Outdoor', '运动户外'], ['Camping', '露营']], nouns: [['Tent', '帐篷'], ['Sleeping Bag', '睡袋'], ['Camping Chair', '折叠椅'], ['Lantern', '露营灯'], ['Cooler', '保温箱']], adjectives: [['Ultralight', '超轻'], ['Waterproof', '防雨'], ['Portable', '便携'], ['Family', '家庭']], specs: ['2 person', '4 person', '-10°C', '30L'] },
  { path: [['Toys', '玩具乐器'], ['Building Sets', '积木']], nouns: [['Building Blocks', '积木'], ['Puzzle', '拼图'], ['Model Kit', '拼装模型'], ['Magnetic Tiles', '磁力片']], adjectives: [['Educational', '益智'], ['Creative', '创意'], ['Wooden', '木制'], ['Classic', '经典']], specs: ['500 pcs', '1000 pcs', '3+', '6+'] },
];

const EN_BRANDS = [
  'Sony',
  'Bose',
  'JBL',
  'Anker',
  'Apple',
  'Samsung',
  'Logitech',
  'Lenovo',
  'Dell',
  'Asus',
  'Acer',
  'Philips',
  'Braun',
  'Dyson',
  'Nike',
  'Adidas',
  'Puma',
  'Uniqlo',
  "Levi's",
  'Zara',
  'Patagonia',
  'The North Face',
  'Columbia',
  'Salomon',
  'Asics',
  'New Balance',
  "L'Oreal",
  'Nivea',
  'Clinique',
  'Maybelline',
  'Lego',
  'Hasbro',
  'Ikea',
  'Muji',
  'Tefal',
  'Breville',
  'Nespresso',
  'Garmin',
  'Canon',
  'GoPro',
  'Osprey',
  'Samsonite',
  'Coleman',
  'Yeti',
  'Hydro Flask',
  'Razer',
  'Corsair',
  'Keychron',
  'BenQ',
  'Kindle',
];
const ZH_BRANDS = [
  '华为',
  '小米',
  '联想',
  '海尔',
  '美的',
  '格力',
  '李宁',
  '安踏',
  '特步',
  '网易严选',
  '优衣库',
  '波司登',
  '森马',
  '百雀羚',
  '自然堂',
  '完美日记',
  '花西子',
  '罗技',
  '雷蛇',
  '漫步者',
  '倍思',
  '绿联',
  '公牛',
  '九阳',
  '苏泊尔',
  '小熊',
  '罗莱',
  '水星家纺',
  '富安娜',
  '南极人',
  '恒源祥',
  '探路者',
  '骆驼',
  '牧高笛',
  '迪卡侬',
  '乐高',
  '荣耀',
  '飞科',
  '欧莱雅',
  '雅诗兰黛',
];
const ZH_TAGS = [
  '2025新款',
  '官方旗舰',
  '正品',
  '爆款',
  '热卖',
  '限时特惠',
  '男女同款',
  '学生',
  '家用',
  '送礼',
  '升级款',
  '加大',
];
const EN_TAGS = ['Pro', 'Max', 'Lite', 'Plus', 'Mini', 'Gen 2', '2025', 'Edition'];
const EN_FEATURES = [
  'long battery life',
  'a two-year warranty',
  'free returns',
  'recycled materials',
  'a travel pouch',
  'easy cleaning',
  'a premium finish',
  'fast shipping',
];
const ZH_FEATURES = [
  '品质保障',
  '七天无理由退换',
  '顺丰包邮',
  '环保材质',
  '做工精细',
  '性价比高',
  '送运费险',
  '多色可选',
];
const AVAIL: Availability[] = [
  'in_stock',
  'in_stock',
  'in_stock',
  'in_stock',
  'in_stock',
  'limited',
  'out_of_stock',
  'preorder',
];
const COLORS: Pair[] = [
  ['Black', '黑色'],
  ['White', '白色'],
  ['Grey', '灰色'],
  ['Blue', '蓝色'],
  ['Red', '红色'],
  ['Green', '绿色'],
];

interface ProductRow {
  id: string;
  title: string;
  brand?: string;
  category: string[];
  description?: string;
  price: number;
  currency: string;
  availability?: Availability;
  rating?: { average: number; count: number };
  releaseDate?: string;
  colors?: string[];
  colorName?: string;
}

/** A core `Product` with one variant per colour (or one plain variant) and a local placeholder image. */
export function makeProduct(row: ProductRow): Product {
  const price = { amount: row.price, currency: row.currency };
  const availability = row.availability ?? 'in_stock';
  const colors = row.colors ?? [];
  const name = row.colorName ?? 'Color';
  const product: Product = {
    id: row.id,
    url: `/product/${encodeURIComponent(row.id)}`,
    title: row.title,
    category: row.category,
    price,
    availability,
    options: colors.length ? [{ name, values: colors }] : [],
    variants: colors.length
      ? colors.map((c, i) => ({ id: `${row.id}-${i}`, options: { [name]: c }, price, availability }))
      : [{ id: row.id, options: {}, price, availability }],
    media: [
      {
        type: 'image',
        url: `/img/${encodeURIComponent(row.id)}.svg`,
        alt: row.title,
        width: 160,
        height: 160,
      },
    ],
  };
  if (row.brand) product.brand = row.brand;
  if (row.description) product.description = row.description;
  if (row.rating) product.rating = row.rating;
  if (row.releaseDate) product.releaseDate = row.releaseDate;
  return product;
}

/**
 * `n` seeded marketplace products: 40% Chinese (Taobao-style titles: brand, tags, adjectives,
 * noun, spec; CNY) and 60% English (USD), 23 two-level categories, 90 brands, a one-sentence
 * description, colours on a third. The first 10,000 of `benchCatalog(100000)` are `benchCatalog(10000)`.
 */
export function benchCatalog(n: number, seed = 7): Product[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: Product[] = [];
  for (let i = 0; i < n; i++) {
    const zh = rnd() < 0.4;
    const lang = zh ? 1 : 0;
    const cat = pick(CATEGORIES);
    const noun = pick(cat.nouns)[lang];
    const adj1 = pick(cat.adjectives)[lang];
    const adj2 = pick(cat.adjectives)[lang];
    const adjectives = adj1 === adj2 ? [adj1] : [adj1, adj2];
    const spec = pick(cat.specs);
    const brand = zh ? pick(ZH_BRANDS) : pick(EN_BRANDS);
    const model = `${String.fromCharCode(65 + Math.floor(rnd() * 26))}${Math.floor(rnd() * 900) + 100}`;
    const title = zh
      ? `${brand}${rnd() < 0.6 ? pick(ZH_TAGS) : ''}${adjectives.join('')}${noun} ${spec}${rnd() < 0.4 ? ' ' + pick(ZH_TAGS) : ''}`
      : `${brand} ${adjectives.join(' ')} ${noun}${rnd() < 0.3 ? ' ' + pick(EN_TAGS) : ''} ${spec} ${model}`;
    const description = zh
      ? `${adjectives.join('')}${noun}，${pick(ZH_FEATURES)}，${pick(ZH_FEATURES)}。`
      : `${adjectives[0]} ${noun.toLowerCase()} with ${pick(EN_FEATURES)} and ${pick(EN_FEATURES)}.`;
    const colors = rnd() < 0.33 ? [...new Set([pick(COLORS)[lang], pick(COLORS)[lang]])] : [];
    out.push(
      makeProduct({
        id: `b${i}`,
        title,
        brand,
        category: [cat.path[0][lang], cat.path[1][lang]],
        description,
        price: (zh ? 900 : 500) + Math.floor(rnd() * 150000),
        currency: zh ? 'CNY' : 'USD',
        availability: pick(AVAIL),
        rating: { average: Math.round((3 + rnd() * 2) * 10) / 10, count: Math.floor(rnd() * 5000) },
        releaseDate: `20${18 + Math.floor(rnd() * 8)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
        colors,
        colorName: zh ? '颜色' : 'Color',
      }),
    );
  }
  return out;
}

/** A named catalog for the relevance part. */
export interface NamedCatalog {
  name: string;
  products: Product[];
}

const cents = (x: number) => Math.round(x * 100);

interface DummyProduct {
  id: number;
  title: string;
  description?: string;
  category: string;
  price: number;
  rating?: number;
  stock?: number;
  brand?: string;
  availabilityStatus?: string;
  reviews?: unknown[];
  meta?: { createdAt?: string };
}

/** dummyjson-products.json (194 English products) as core products. */
function dummyjson(path: string): Product[] {
  const rows = JSON.parse(readFileSync(path, 'utf8')) as DummyProduct[];
  return rows.map((p) =>
    makeProduct({
      id: `d${p.id}`,
      title: p.title,
      brand: p.brand,
      category: [p.category.replace(/-/g, ' ')],
      description: p.description,
      price: cents(p.price),
      currency: 'USD',
      availability:
        p.availabilityStatus === 'Out of Stock'
          ? 'out_of_stock'
          : p.availabilityStatus === 'Low Stock'
            ? 'limited'
            : 'in_stock',
      rating:
        p.rating === undefined
          ? undefined
          : { average: Math.round(p.rating * 10) / 10, count: p.reviews?.length ?? 0 },
      releaseDate: p.meta?.createdAt?.slice(0, 10),
    }),
  );
}

interface Litemall {
  litemall_goods: {
    id: number;
    name: string;
    brief?: string;
    category_id: number;
    brand_id: number;
    retail_price: number;
    is_on_sale: number;
    deleted: number;
    add_time?: string;
    sort_order?: number;
  }[];
  litemall_category: { id: number; name: string; pid: number }[];
  litemall_brand: { id: number; name: string }[];
}

/** litemall.json (239 Chinese goods, NetEase Yanxuan copy) as core products. */
function litemall(path: string): Product[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Litemall;
  const categories = new Map(data.litemall_category.map((c) => [c.id, c]));
  const brands = new Map(data.litemall_brand.map((b) => [b.id, b.name]));
  const pathOf = (id: number): string[] => {
    const c = categories.get(id);
    if (!c) return [];
    return c.pid ? [...pathOf(c.pid), c.name] : [c.name];
  };
  return data.litemall_goods
    .filter((g) => !g.deleted)
    .map((g) =>
      makeProduct({
        id: `l${g.id}`,
        title: g.name,
        brand: brands.get(g.brand_id),
        category: pathOf(g.category_id),
        description: g.brief,
        price: cents(g.retail_price),
        currency: 'CNY',
        availability: g.is_on_sale ? 'in_stock' : 'out_of_stock',
        releaseDate: g.add_time?.slice(0, 10),
      }),
    );
}

/** The demo shop's catalog (examples/shop) in one locale, as core products. */
function demo(locale: 'en' | 'zh-CN'): Product[] {
  return generateCatalog(locale).products.map((p) => {
    const product: Product = {
      id: p.id,
      sku: p.sku,
      url: p.url,
      title: p.title,
      brand: p.brand,
      category: p.category,
      description: p.description,
      price: p.price,
      availability: p.availability,
      options: p.options,
      variants: p.variants.map(({ mediaIndex, ...v }) => ({ ...v, media: [mediaIndex] })),
      media: p.media,
      rating: p.rating,
      releaseDate: p.createdAt.slice(0, 10),
    };
    if (p.compareAt) product.compareAt = p.compareAt;
    return product;
  });
}

/**
 * The real catalogs (skipped, with a note, when ../shared/data is absent) and the demo shop's in
 * both languages.
 */
export function realCatalogs(): { catalogs: NamedCatalog[]; notes: string[] } {
  const catalogs: NamedCatalog[] = [];
  const notes: string[] = [];
  const dummy = SHARED_DATA + 'dummyjson-products.json';
  const lite = SHARED_DATA + 'litemall.json';
  if (existsSync(dummy)) catalogs.push({ name: 'dummyjson EN', products: dummyjson(dummy) });
  else notes.push(`skipped dummyjson: ${dummy} is absent`);
  if (existsSync(lite)) catalogs.push({ name: 'litemall ZH', products: litemall(lite) });
  else notes.push(`skipped litemall: ${lite} is absent`);
  catalogs.push({ name: 'demo shop EN', products: demo('en') });
  catalogs.push({ name: 'demo shop ZH', products: demo('zh-CN') });
  return { catalogs, notes };
}
