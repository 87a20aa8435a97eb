import type {
  Availability,
  Catalog,
  Category,
  Coupon,
  Media,
  Money,
  Product,
  ProductOption,
  Review,
  ShopLocale,
  Variant,
} from './catalog-types.js';

/*
 * How this stays identical across languages: every random decision is drawn from one seeded PRNG in
 * the same order whatever the locale, and every piece of text is a `[en, zh]` pair picked by index.
 * The locale only chooses which half of a pair is written and which currency a USD price becomes.
 */

/** A phrase in both catalog languages: `[English, Simplified Chinese]`. */
type Phrase = readonly [en: string, zh: string];

interface Material {
  readonly name: Phrase;
  /** One description sentence about the material or feature. */
  readonly desc: Phrase;
}

interface OptionValue {
  readonly label: Phrase;
  /** Short code used in the variant SKU. */
  readonly code: string;
  /** Price change as a fraction of the product's base price (bigger sizes cost more). */
  readonly factor: number;
  /** Price change in whole US dollars. */
  readonly plus: number;
}

interface OptionSpec {
  readonly name: Phrase;
  readonly values: readonly OptionValue[];
  readonly min: number;
  readonly max: number;
  /** Each value has its own picture (colours, shades). */
  readonly pictured: boolean;
  /** Values are picked as a contiguous run (sizes) rather than any subset (colours). */
  readonly run: boolean;
}

interface SubSpec {
  readonly slug: string;
  readonly name: Phrase;
  readonly adjectives: readonly Phrase[];
  readonly materials: readonly Material[];
  readonly nouns: readonly Phrase[];
  readonly descriptions: readonly Phrase[];
  /** One of these is chosen per product; an empty set means no options. */
  readonly optionSets: readonly (readonly OptionSpec[])[];
  /** Base price range in whole US dollars. */
  readonly price: readonly [min: number, max: number];
}

interface TopSpec {
  readonly slug: string;
  /** Two-letter code used in SKUs: `VT-AP-0001`. */
  readonly code: string;
  readonly name: Phrase;
  readonly subs: readonly SubSpec[];
  readonly reviewGood: readonly Phrase[];
  readonly reviewBad: readonly Phrase[];
  readonly tagsGood: readonly Phrase[];
  readonly tagsBad: readonly Phrase[];
}

interface BrandSpec {
  readonly name: Phrase;
  /** Sort key of the Chinese name, so sorting needs no ICU data and is the same on every Node build. */
  readonly pinyin: string;
  /** Top-level category codes the brand sells in. */
  readonly tops: readonly string[];
}

type Rng = () => number;

/** 0 for English text, 1 for Chinese text. */
type Lang = 0 | 1;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data and fully reproducible. */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The item at `index`, throwing instead of returning `undefined` when it is out of range. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`index ${index} is outside a list of ${list.length}`);
  return item;
}

/** One random item of a non-empty list. */
function pick<T>(rng: Rng, list: readonly T[]): T {
  return at(list, Math.floor(rng() * list.length));
}

/** A random integer in `[min, max]`. */
function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** `k` distinct items of `list`, kept in the list's order. */
function sample<T>(rng: Rng, list: readonly T[], k: number): T[] {
  // Selection sampling (Knuth, TAOCP 3.4.2, algorithm S): one pass, already in order, no shuffling.
  const chosen: T[] = [];
  for (let i = 0; i < list.length && chosen.length < k; i++) {
    if (rng() * (list.length - i) < k - chosen.length) chosen.push(at(list, i));
  }
  return chosen;
}

/** Index into `weights` chosen with probability proportional to its weight. */
function weighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= at(weights, i);
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Lower-cases words for use mid-sentence ("Organic Cotton" → "organic cotton"), leaving acronyms and
 * model names alone ("USB-C", "T-shirt", "Hi-Res").
 */
function midSentence(text: string): string {
  let result = midSentenceCache.get(text);
  if (result === undefined) {
    result = text
      .split(' ')
      .map((word) => (/^[A-Z][a-z][^A-Z]*$/.test(word) ? word.toLowerCase() : word))
      .join(' ');
    midSentenceCache.set(text, result);
  }
  return result;
}
const midSentenceCache = new Map<string, string>();

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins sentences the way each language does: spaces in English, nothing in Chinese. */
function joinSentences(lang: Lang, sentences: readonly string[], separator?: string): string {
  return sentences.join(separator ?? (lang === 0 ? ' ' : ''));
}

function val(en: string, zh: string, code: string, factor = 0, plus = 0): OptionValue {
  return { label: [en, zh], code, factor, plus };
}

function colours(...values: readonly (readonly [en: string, zh: string, code: string])[]): OptionValue[] {
  return values.map(([en, zh, code]) => val(en, zh, code));
}

function option(
  name: Phrase,
  values: readonly OptionValue[],
  min: number,
  max: number,
  kind: 'pictured' | 'run' | 'plain',
): OptionSpec {
  return { name, values, min, max, pictured: kind === 'pictured', run: kind === 'run' };
}

// ---------------------------------------------------------------------------------------------
// Word lists

const COLOUR: Phrase = ['Colour', '颜色'];
const SIZE_APPAREL: Phrase = ['Size', '尺码'];

const APPAREL_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['White', '白色', 'WH'],
  ['Navy', '藏青色', 'NV'],
  ['Heather grey', '麻灰色', 'GY'],
  ['Olive', '橄榄绿', 'OL'],
  ['Burgundy', '酒红色', 'BU'],
  ['Sand', '卡其色', 'SD'],
  ['Sky blue', '天蓝色', 'SB'],
);
const APPAREL_SIZES = [
  val('XS', 'XS', 'XS'),
  val('S', 'S', 'S'),
  val('M', 'M', 'M'),
  val('L', 'L', 'L'),
  val('XL', 'XL', 'XL'),
  val('XXL', 'XXL', 'XXL', 0, 2),
];
const HOME_COLOURS = colours(
  ['White', '白色', 'WH'],
  ['Oat', '燕麦色', 'OT'],
  ['Sage', '豆绿色', 'SG'],
  ['Grey', '灰色', 'GY'],
  ['Blush pink', '藕粉色', 'PK'],
  ['Charcoal', '炭灰色', 'CH'],
);
const LAMP_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['White', '白色', 'WH'],
  ['Natural wood', '原木色', 'NW'],
  ['Brass', '黄铜色', 'BR'],
);
const COOKWARE_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['Cream', '奶白色', 'CR'],
  ['Sage', '豆绿色', 'SG'],
  ['Terracotta', '陶土红', 'TC'],
  ['Navy', '藏青色', 'NV'],
);
const DRINKWARE_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['White', '白色', 'WH'],
  ['Sage', '豆绿色', 'SG'],
  ['Sky blue', '天蓝色', 'SB'],
  ['Pink', '粉色', 'PK'],
  ['Brushed steel', '原钢色', 'ST'],
);
const TECH_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['White', '白色', 'WH'],
  ['Silver', '银色', 'SV'],
  ['Midnight blue', '午夜蓝', 'MB'],
  ['Sage green', '鼠尾草绿', 'SG'],
);
const SPORT_COLOURS = colours(
  ['Black', '黑色', 'BK'],
  ['Lavender', '薰衣草紫', 'LV'],
  ['Teal', '青绿色', 'TL'],
  ['Coral', '珊瑚橙', 'CO'],
  ['Grey', '灰色', 'GY'],
  ['Dusty pink', '脏粉色', 'DP'],
);
const OUTDOOR_COLOURS = colours(
  ['Forest green', '森林绿', 'FG'],
  ['Sand', '沙色', 'SD'],
  ['Charcoal', '炭灰色', 'CH'],
  ['Orange', '橙色', 'OR'],
);
const LIP_SHADES = colours(
  ['Rosewood', '豆沙色', 'RW'],
  ['Coral', '珊瑚橘', 'CO'],
  ['Nude', '裸杏色', 'ND'],
  ['Berry', '莓果色', 'BY'],
  ['Brick red', '砖红色', 'BR'],
  ['Cherry', '樱桃红', 'CY'],
);

const APPAREL_OPTIONS = [
  option(COLOUR, APPAREL_COLOURS, 1, 4, 'pictured'),
  option(SIZE_APPAREL, APPAREL_SIZES, 3, 5, 'run'),
];

const TOPS: readonly TopSpec[] = [
  {
    slug: 'apparel',
    code: 'AP',
    name: ['Apparel', '服装'],
    reviewGood: [
      ['Fits exactly as the size chart says.', '尺码和尺码表一致，穿着刚好。'],
      ["The fabric is soft and doesn't feel cheap.", '面料很软，一点都不廉价。'],
      ['Washed it twice and it still looks new.', '洗了两次依然像新的一样。'],
      ['The colour is the same as in the photos.', '颜色和图片一样，没有色差。'],
    ],
    reviewBad: [
      ['It runs a full size small.', '尺码偏小一码，建议拍大一号。'],
      ['Shrank noticeably after the first wash.', '第一次洗完就明显缩水了。'],
      ['The stitching started coming apart within a week.', '穿了不到一周就开线了。'],
    ],
    tagsGood: [
      ['True to size', '尺码标准'],
      ['Comfortable fabric', '面料舒适'],
      ['Colour as pictured', '颜色正'],
      ['Well made', '做工精细'],
    ],
    tagsBad: [
      ['Runs small', '尺码偏小'],
      ['Thin fabric', '面料偏薄'],
      ['Shrinks in the wash', '洗后缩水'],
    ],
    subs: [
      {
        slug: 't-shirts',
        name: ['T-shirts', 'T恤'],
        adjectives: [
          ['Relaxed', '宽松'],
          ['Slim-fit', '修身'],
          ['Classic', '经典'],
          ['Oversized', '落肩'],
          ['Everyday', '百搭'],
        ],
        materials: [
          {
            name: ['Cotton', '纯棉'],
            desc: ['Made from soft, breathable 100% cotton.', '采用100%纯棉面料，柔软透气。'],
          },
          {
            name: ['Organic Cotton', '有机棉'],
            desc: [
              'Knitted from organically grown cotton into a smooth jersey.',
              '有机种植棉花织成的平纹针织面料，手感顺滑。',
            ],
          },
          {
            name: ['Linen Blend', '亚麻混纺'],
            desc: ['A linen blend that stays cool on hot days.', '亚麻混纺面料，炎热天气也清爽不闷。'],
          },
          {
            name: ['Modal', '莫代尔'],
            desc: ['Silky modal with a gentle drape.', '莫代尔面料丝滑垂顺。'],
          },
        ],
        nouns: [
          ['Crew-neck T-shirt', '圆领短袖T恤'],
          ['V-neck T-shirt', 'V领短袖T恤'],
          ['Long-sleeve T-shirt', '长袖T恤'],
          ['Pocket T-shirt', '口袋短袖T恤'],
        ],
        descriptions: [
          [
            'A wardrobe staple that pairs with jeans, shorts or a blazer.',
            '百搭基础款，搭配牛仔裤、短裤或西装外套都合适。',
          ],
          ['Reinforced shoulder seams keep its shape wash after wash.', '肩部加固缝线，多次洗涤不易变形。'],
          ['Pre-shrunk, so the size you order is the size you keep.', '经过预缩处理，洗后不变形不缩水。'],
        ],
        optionSets: [APPAREL_OPTIONS],
        price: [12, 35],
      },
      {
        slug: 'hoodies',
        name: ['Hoodies', '卫衣'],
        adjectives: [
          ['Cosy', '舒适'],
          ['Heavyweight', '加厚'],
          ['Relaxed', '宽松'],
          ['Cropped', '短款'],
        ],
        materials: [
          {
            name: ['Fleece', '抓绒'],
            desc: ['Brushed fleece inside keeps the warmth in.', '内里抓绒处理，保暖锁温。'],
          },
          {
            name: ['French Terry', '毛圈'],
            desc: ['Looped French terry that breathes better than fleece.', '毛圈面料，比抓绒更透气。'],
          },
          {
            name: ['Brushed Cotton', '磨毛棉'],
            desc: ['Brushed cotton with a peached, velvety feel.', '磨毛棉面料，触感细腻如桃皮绒。'],
          },
        ],
        nouns: [
          ['Pullover Hoodie', '连帽套头卫衣'],
          ['Zip-up Hoodie', '拉链连帽卫衣'],
          ['Crewneck Sweatshirt', '圆领卫衣'],
        ],
        descriptions: [
          ['Ribbed cuffs and hem hold their shape all day.', '罗纹袖口和下摆，久穿不松垮。'],
          ['A roomy kangaroo pocket keeps hands warm.', '大容量袋鼠兜，暖手又能装。'],
          ['Dropped shoulders give it an easy, relaxed look.', '落肩设计，版型随性慵懒。'],
        ],
        optionSets: [APPAREL_OPTIONS],
        price: [35, 80],
      },
      {
        slug: 'dresses',
        name: ['Dresses', '连衣裙'],
        adjectives: [
          ['Flowy', '飘逸'],
          ['Wrap', '裹身'],
          ['Midi', '中长款'],
          ['A-line', 'A字'],
        ],
        materials: [
          {
            name: ['Chiffon', '雪纺'],
            desc: ['Lightweight chiffon with a soft lining.', '轻盈雪纺面料，配柔软内衬。'],
          },
          {
            name: ['Linen', '亚麻'],
            desc: ['Washed linen that gets softer with every wear.', '水洗亚麻，越穿越柔软。'],
          },
          {
            name: ['Satin', '缎面'],
            desc: ['Satin with a subtle sheen for evenings out.', '缎面微光泽，适合约会和晚宴。'],
          },
          {
            name: ['Cotton Poplin', '府绸'],
            desc: ['Crisp cotton poplin that keeps its shape.', '挺括的纯棉府绸，有型不易皱。'],
          },
        ],
        nouns: [
          ['Floral Dress', '碎花连衣裙'],
          ['Shirt Dress', '衬衫裙'],
          ['Slip Dress', '吊带裙'],
          ['Sundress', '度假风连衣裙'],
        ],
        descriptions: [
          ['A flattering cut that works from the office to the weekend.', '显瘦版型，通勤周末都能穿。'],
          ['Hidden side pockets and an adjustable waist tie.', '隐藏侧袋，腰带可调节。'],
          ['Falls just below the knee.', '裙长及膝下，优雅得体。'],
        ],
        optionSets: [
          [
            option(COLOUR, APPAREL_COLOURS, 1, 4, 'pictured'),
            option(SIZE_APPAREL, APPAREL_SIZES.slice(0, 5), 3, 5, 'run'),
          ],
        ],
        price: [39, 120],
      },
    ],
  },
  {
    slug: 'home',
    code: 'HM',
    name: ['Home', '家居'],
    reviewGood: [
      ['Looks even better in person than in the photos.', '实物比图片还好看。'],
      ['Feels much more expensive than it is.', '质感很好，不像这个价位的东西。'],
      ['Went through the wash with no pilling at all.', '洗过之后一点都不起球。'],
    ],
    reviewBad: [
      ['Had a strong chemical smell out of the box.', '拆开有很重的异味，晾了好几天才散。'],
      ['The colour is much duller than pictured.', '颜色比图片暗很多。'],
    ],
    tagsGood: [
      ['Soft to the touch', '手感柔软'],
      ['Good value', '性价比高'],
      ['Looks premium', '有质感'],
      ['Easy to clean', '好打理'],
    ],
    tagsBad: [
      ['Smells when new', '有异味'],
      ['Colour differs from photo', '有色差'],
    ],
    subs: [
      {
        slug: 'bedding',
        name: ['Bedding', '床品'],
        adjectives: [
          ['Breathable', '透气'],
          ['Soft-washed', '水洗'],
          ['Hotel-style', '酒店风'],
          ['Minimalist', '简约'],
        ],
        materials: [
          {
            name: ['Long-staple Cotton', '长绒棉'],
            desc: ['Long-staple cotton for a smooth, durable weave.', '长绒棉织造，顺滑耐用。'],
          },
          {
            name: ['Washed Linen', '水洗亚麻'],
            desc: ['Stone-washed linen that is soft from the first night.', '石洗亚麻，第一晚就很柔软。'],
          },
          {
            name: ['Bamboo Fibre', '竹纤维'],
            desc: ['Bamboo fibre that feels cool and wicks moisture.', '竹纤维面料，凉爽吸湿。'],
          },
          {
            name: ['Sateen', '贡缎'],
            desc: ['A sateen weave with a soft, silky sheen.', '贡缎织法，丝滑有光泽。'],
          },
        ],
        nouns: [
          ['4-piece Bedding Set', '床品四件套'],
          ['Duvet Cover', '被套'],
          ['Fitted Sheet', '床笠'],
          ['Pillowcase Pair', '枕套一对'],
        ],
        descriptions: [
          ['Hidden zip closure keeps the duvet in place.', '隐形拉链设计，被芯不跑位。'],
          ['OEKO-certified dyes that are gentle on skin.', '环保染料，亲肤无刺激。'],
          ['Machine washable at 40 °C.', '可40°C机洗。'],
        ],
        optionSets: [
          [
            option(COLOUR, HOME_COLOURS, 1, 3, 'pictured'),
            option(
              ['Size', '规格'],
              [
                val('Twin', '1.2米床', 'TW'),
                val('Queen', '1.5米床', 'QN', 0.15),
                val('King', '1.8米床', 'KG', 0.3),
                val('Super King', '2.0米床', 'SK', 0.45),
              ],
              2,
              4,
              'run',
            ),
          ],
        ],
        price: [29, 149],
      },
      {
        slug: 'towels',
        name: ['Towels', '毛巾浴巾'],
        adjectives: [
          ['Quick-dry', '速干'],
          ['Plush', '加厚'],
          ['Hotel-grade', '酒店级'],
          ['Lightweight', '轻薄'],
        ],
        materials: [
          {
            name: ['Cotton', '纯棉'],
            desc: ['Thick cotton loops soak up water fast.', '纯棉长毛圈，吸水快。'],
          },
          {
            name: ['Bamboo Fibre', '竹纤维'],
            desc: ['Bamboo fibre that stays soft wash after wash.', '竹纤维材质，久洗依然柔软。'],
          },
          {
            name: ['Waffle Cotton', '华夫格棉'],
            desc: ['A waffle weave that dries in no time.', '华夫格纹理，干得特别快。'],
          },
        ],
        nouns: [
          ['Bath Towel', '浴巾'],
          ['Hand Towel', '毛巾'],
          ['Towel Set', '毛巾浴巾套装'],
          ['Bath Mat', '浴室地垫'],
        ],
        descriptions: [
          ['Lint-free from the first wash.', '第一次洗就不掉毛。'],
          ['A hanging loop on every piece.', '每条都带挂绳，方便晾挂。'],
        ],
        optionSets: [[option(COLOUR, HOME_COLOURS, 2, 5, 'pictured')], []],
        price: [9, 59],
      },
      {
        slug: 'lighting',
        name: ['Lighting', '灯具'],
        adjectives: [
          ['Dimmable', '可调光'],
          ['Minimalist', '简约'],
          ['Warm-glow', '暖光'],
          ['Portable', '便携'],
        ],
        materials: [
          {
            name: ['Rattan', '藤编'],
            desc: ['A hand-woven rattan shade casts soft patterned light.', '手工藤编灯罩，光影柔和有层次。'],
          },
          {
            name: ['Brushed Brass', '拉丝黄铜'],
            desc: ['Brushed brass details that age gracefully.', '拉丝黄铜细节，越用越有味道。'],
          },
          {
            name: ['Frosted Glass', '磨砂玻璃'],
            desc: ['Frosted glass diffuses the light without glare.', '磨砂玻璃灯罩，光线柔和不刺眼。'],
          },
          {
            name: ['Oak', '橡木'],
            desc: ['A solid oak base with a natural grain.', '实木橡木底座，纹理自然。'],
          },
        ],
        nouns: [
          ['Table Lamp', '台灯'],
          ['Floor Lamp', '落地灯'],
          ['Pendant Light', '吊灯'],
          ['Bedside Lamp', '床头灯'],
        ],
        descriptions: [
          ['Uses a standard E27 bulb (included).', '标准E27灯头，附赠灯泡。'],
          ['A long fabric cable with an inline switch.', '加长布艺电线，带线上开关。'],
        ],
        optionSets: [[option(COLOUR, LAMP_COLOURS, 2, 3, 'pictured')], []],
        price: [25, 180],
      },
    ],
  },
  {
    slug: 'kitchen',
    code: 'KT',
    name: ['Kitchen', '厨房'],
    reviewGood: [
      ['Heats evenly and nothing sticks.', '受热均匀，一点都不粘。'],
      ['Cleans up in seconds with warm water.', '温水一冲就干净了。'],
      ['Solid and well balanced in the hand.', '拿在手里很扎实，重量分布均匀。'],
    ],
    reviewBad: [
      ['The coating scratched after a couple of weeks.', '用了两周涂层就刮花了。'],
      ['The handle gets too hot to touch.', '手柄很烫，没法直接拿。'],
    ],
    tagsGood: [
      ['Heats evenly', '受热均匀'],
      ['Easy to clean', '好清洗'],
      ['Solid build', '做工扎实'],
    ],
    tagsBad: [
      ['Scratches easily', '容易刮花'],
      ['Handle gets hot', '手柄烫手'],
    ],
    subs: [
      {
        slug: 'cookware',
        name: ['Cookware', '锅具'],
        adjectives: [
          ['Non-stick', '不粘'],
          ['Induction-ready', '电磁炉通用'],
          ['Lightweight', '轻量'],
          ['Deep', '深口'],
        ],
        materials: [
          {
            name: ['Cast Iron', '铸铁'],
            desc: [
              'Pre-seasoned cast iron that holds heat for a perfect sear.',
              '铸铁预开锅，蓄热好，煎出焦香。',
            ],
          },
          {
            name: ['Stainless Steel', '不锈钢'],
            desc: ['Tri-ply stainless steel with an aluminium core.', '三层复合不锈钢，中间铝芯导热快。'],
          },
          {
            name: ['Ceramic-coated', '陶瓷涂层'],
            desc: [
              'A PFAS-free ceramic coating that releases food easily.',
              '不含PFAS的陶瓷涂层，轻松不粘。',
            ],
          },
          {
            name: ['Carbon Steel', '碳钢'],
            desc: ['Carbon steel that gets better with every use.', '碳钢材质，越用越好用。'],
          },
        ],
        nouns: [
          ['Frying Pan', '煎锅'],
          ['Wok', '炒锅'],
          ['Saucepan', '奶锅'],
          ['Stockpot', '汤锅'],
        ],
        descriptions: [
          ['Works on gas, electric and induction hobs.', '燃气灶、电陶炉、电磁炉均可使用。'],
          ['Oven-safe up to 230 °C.', '可进烤箱，耐温230°C。'],
          ['A riveted handle that stays put for years.', '铆钉固定手柄，多年不松动。'],
        ],
        optionSets: [
          [
            option(
              ['Size', '尺寸'],
              [
                val('20 cm', '20厘米', '20'),
                val('24 cm', '24厘米', '24', 0.2),
                val('28 cm', '28厘米', '28', 0.4),
                val('32 cm', '32厘米', '32', 0.6),
              ],
              1,
              3,
              'run',
            ),
          ],
          [option(COLOUR, COOKWARE_COLOURS, 2, 4, 'pictured')],
          [],
        ],
        price: [19, 129],
      },
      {
        slug: 'knives',
        name: ['Knives', '刀具'],
        adjectives: [
          ['Razor-sharp', '锋利'],
          ['Forged', '锻打'],
          ['Ergonomic', '人体工学'],
          ['Professional', '专业'],
        ],
        materials: [
          {
            name: ['High-carbon Steel', '高碳钢'],
            desc: ['High-carbon steel that keeps its edge for months.', '高碳钢刀身，锋利持久。'],
          },
          {
            name: ['Stainless Steel', '不锈钢'],
            desc: ['Rust-resistant stainless steel for everyday use.', '不锈钢材质，防锈耐用。'],
          },
          {
            name: ['Ceramic', '陶瓷'],
            desc: ['A feather-light ceramic blade that never rusts.', '陶瓷刀身轻巧，永不生锈。'],
          },
        ],
        nouns: [
          ["Chef's Knife", '主厨刀'],
          ['Santoku Knife', '三德刀'],
          ['Knife Set', '刀具套装'],
          ['Paring Knife', '水果刀'],
        ],
        descriptions: [
          ['Hand-wash only to keep the edge sharp.', '建议手洗，保持刀刃锋利。'],
          ['A full tang for balance and control.', '全龙骨设计，平衡好更稳手。'],
        ],
        optionSets: [
          [],
          [
            option(
              ['Size', '尺寸'],
              [val('6 in', '6英寸', '6IN'), val('8 in', '8英寸', '8IN', 0.2)],
              2,
              2,
              'run',
            ),
          ],
        ],
        price: [15, 149],
      },
      {
        slug: 'drinkware',
        name: ['Drinkware', '水杯'],
        adjectives: [
          ['Insulated', '保温'],
          ['Leak-proof', '防漏'],
          ['Double-wall', '双层'],
          ['Travel', '便携'],
        ],
        materials: [
          {
            name: ['Stainless Steel', '不锈钢'],
            desc: ['Keeps drinks cold for 24 hours or hot for 12.', '保冷24小时，保温12小时。'],
          },
          {
            name: ['Borosilicate Glass', '高硼硅玻璃'],
            desc: [
              'Heat-resistant borosilicate glass that does not hold odours.',
              '耐热高硼硅玻璃，不串味。',
            ],
          },
          {
            name: ['Ceramic', '陶瓷'],
            desc: ['Glazed ceramic that is dishwasher safe.', '釉面陶瓷，可放洗碗机。'],
          },
          {
            name: ['Titanium', '钛'],
            desc: ['Pure titanium: light, strong and taste-free.', '纯钛材质，轻盈坚固不影响口感。'],
          },
        ],
        nouns: [
          ['Water Bottle', '水杯'],
          ['Tumbler', '随行杯'],
          ['Coffee Mug', '马克杯'],
          ['Kids Bottle', '儿童水杯'],
        ],
        descriptions: [
          ['Fits most car cup holders.', '适配大部分车载杯架。'],
          ['The lid comes apart completely for cleaning.', '杯盖可完全拆洗。'],
        ],
        optionSets: [
          [
            option(COLOUR, DRINKWARE_COLOURS, 2, 4, 'pictured'),
            option(
              ['Capacity', '容量'],
              [
                val('350 ml', '350ml', '350'),
                val('500 ml', '500ml', '500', 0.15),
                val('750 ml', '750ml', '750', 0.3),
                val('1 L', '1L', '1000', 0.45),
              ],
              1,
              3,
              'run',
            ),
          ],
          [option(COLOUR, DRINKWARE_COLOURS, 2, 5, 'pictured')],
        ],
        price: [12, 45],
      },
    ],
  },
  {
    slug: 'electronics',
    code: 'EL',
    name: ['Electronics', '数码'],
    reviewGood: [
      ['Paired with my phone in seconds.', '秒连手机，很方便。'],
      ['The battery easily lasts a full day.', '续航一整天没问题。'],
      ['Sound is clear with decent bass.', '音质清晰，低音也不错。'],
    ],
    reviewBad: [
      ['The connection drops every few minutes.', '每隔几分钟就断连一次。'],
      ['Stopped charging after a month.', '用了一个月就充不进电了。'],
    ],
    tagsGood: [
      ['Great sound', '音质好'],
      ['Long battery life', '续航持久'],
      ['Stable connection', '连接稳定'],
      ['Good value', '性价比高'],
    ],
    tagsBad: [
      ['Connection drops', '偶尔断连'],
      ['Short battery life', '续航一般'],
    ],
    subs: [
      {
        slug: 'headphones',
        name: ['Headphones', '耳机'],
        adjectives: [
          ['Compact', '小巧'],
          ['Lightweight', '轻量'],
          ['Sport', '运动'],
          ['Foldable', '折叠'],
        ],
        materials: [
          {
            name: ['Noise-cancelling', '主动降噪'],
            desc: [
              'Active noise cancelling tunes out trains and planes.',
              '主动降噪，地铁飞机也能安静听歌。',
            ],
          },
          {
            name: ['Open-ear', '开放式'],
            desc: ['An open-ear design so you still hear traffic.', '开放式设计，听歌也能留意路况。'],
          },
          {
            name: ['Hi-Res', '高解析'],
            desc: ['Hi-Res audio with a wide, detailed soundstage.', '高解析音质，声场开阔细节丰富。'],
          },
          {
            name: ['Low-latency', '低延迟'],
            desc: ['A low-latency mode for games and video.', '低延迟模式，游戏视频不卡顿。'],
          },
        ],
        nouns: [
          ['Wireless Earbuds', '真无线蓝牙耳机'],
          ['Over-ear Headphones', '头戴式耳机'],
          ['Neckband Earphones', '颈挂式耳机'],
        ],
        descriptions: [
          ['Up to 30 hours of playback with the case.', '配合充电仓续航长达30小时。'],
          ['Sweat and splash resistant.', '防汗防泼溅。'],
          ['Connects to two devices at once.', '支持双设备同时连接。'],
        ],
        optionSets: [[option(COLOUR, TECH_COLOURS, 1, 4, 'pictured')]],
        price: [29, 249],
      },
      {
        slug: 'chargers',
        name: ['Chargers', '充电器'],
        adjectives: [
          ['Compact', '迷你'],
          ['Foldable', '折叠'],
          ['Travel', '旅行'],
          ['Dual-port', '双口'],
        ],
        materials: [
          {
            name: ['20W', '20W'],
            desc: ['20 W output charges a phone to 50% in about 30 minutes.', '20W输出，约30分钟充至50%。'],
          },
          {
            name: ['65W', '65W'],
            desc: ['65 W is enough for most laptops.', '65W大功率，可为多数笔记本充电。'],
          },
          {
            name: ['Magnetic', '磁吸'],
            desc: ['Snaps magnetically into place.', '磁吸定位，一贴即充。'],
          },
        ],
        nouns: [
          ['USB-C Charger', 'USB-C充电器'],
          ['Power Bank', '充电宝'],
          ['Wireless Charging Pad', '无线充电板'],
          ['Charging Cable', '数据线'],
        ],
        descriptions: [
          ['Built-in protection against overheating and overcharging.', '内置过热、过充保护。'],
          ['Small enough to slip into a jacket pocket.', '小巧便携，外套口袋就能装下。'],
        ],
        optionSets: [[option(COLOUR, TECH_COLOURS.slice(0, 2), 1, 2, 'pictured')], []],
        price: [9, 69],
      },
      {
        slug: 'speakers',
        name: ['Speakers', '音箱'],
        adjectives: [
          ['Portable', '便携'],
          ['Waterproof', '防水'],
          ['Compact', '迷你'],
          ['Outdoor', '户外'],
        ],
        materials: [
          {
            name: ['Stereo', '立体声'],
            desc: ['Two drivers for true stereo sound.', '双单元，真立体声。'],
          },
          {
            name: ['Bass-boost', '重低音'],
            desc: ['A passive radiator for deep bass.', '被动振膜加持，低音深沉。'],
          },
          {
            name: ['Smart', '智能'],
            desc: ['Voice control and a built-in microphone.', '支持语音控制，内置麦克风。'],
          },
          {
            name: ['Fabric-covered', '布艺'],
            desc: ['A fabric grille that blends into any room.', '布艺网罩，融入各种家居风格。'],
          },
        ],
        nouns: [
          ['Wireless Speaker', '蓝牙音箱'],
          ['Soundbar', '回音壁'],
          ['Alarm Clock Speaker', '闹钟音箱'],
        ],
        descriptions: [
          ['Up to 16 hours of music on a charge.', '单次充电可播放16小时。'],
          ['Pair two for a stereo setup.', '两台可组成立体声。'],
        ],
        optionSets: [[option(COLOUR, TECH_COLOURS, 1, 4, 'pictured')]],
        price: [25, 199],
      },
    ],
  },
  {
    slug: 'beauty',
    code: 'BT',
    name: ['Beauty', '美妆'],
    reviewGood: [
      ['Absorbs quickly and never feels sticky.', '吸收很快，一点都不黏。'],
      ['My sensitive skin had no reaction at all.', '敏感肌用着也没有任何不适。'],
      ['A little goes a long way.', '用量很省，一小点就够。'],
    ],
    reviewBad: [
      ['Broke me out after three days.', '用了三天就开始闷痘。'],
      ['The scent is much stronger than expected.', '味道比想象中浓很多。'],
    ],
    tagsGood: [
      ['Gentle on skin', '温和不刺激'],
      ['Absorbs quickly', '吸收快'],
      ['Light scent', '香味淡雅'],
      ['Long-lasting', '持久'],
    ],
    tagsBad: [
      ['Caused breakouts', '闷痘'],
      ['A bit sticky', '有点黏'],
    ],
    subs: [
      {
        slug: 'skincare',
        name: ['Skincare', '护肤'],
        adjectives: [
          ['Hydrating', '保湿'],
          ['Brightening', '提亮'],
          ['Soothing', '舒缓'],
          ['Lightweight', '清爽'],
        ],
        materials: [
          {
            name: ['Hyaluronic Acid', '玻尿酸'],
            desc: ['Hyaluronic acid draws moisture into the skin.', '玻尿酸成分，深层补水。'],
          },
          {
            name: ['Niacinamide', '烟酰胺'],
            desc: ['Niacinamide evens out skin tone over time.', '烟酰胺成分，坚持使用肤色更均匀。'],
          },
          {
            name: ['Vitamin C', '维C'],
            desc: ['Stabilised vitamin C for a brighter complexion.', '稳定型维C，提亮肤色。'],
          },
          {
            name: ['Ceramide', '神经酰胺'],
            desc: ['Ceramides help repair the skin barrier.', '神经酰胺修护肌肤屏障。'],
          },
        ],
        nouns: [
          ['Face Serum', '精华液'],
          ['Moisturiser', '面霜'],
          ['Toner', '爽肤水'],
          ['Sheet Masks', '面膜'],
        ],
        descriptions: [
          ['Fragrance-free and suitable for sensitive skin.', '无香精配方，敏感肌可用。'],
          ['Dermatologist tested.', '经皮肤科测试。'],
          ['Use morning and evening after cleansing.', '早晚洁面后使用。'],
        ],
        optionSets: [
          [
            option(
              ['Size', '规格'],
              [
                val('30 ml', '30ml', '30'),
                val('50 ml', '50ml', '50', 0.4),
                val('100 ml', '100ml', '100', 0.8),
              ],
              1,
              2,
              'run',
            ),
          ],
          [],
        ],
        price: [12, 68],
      },
      {
        slug: 'makeup',
        name: ['Makeup', '彩妆'],
        adjectives: [
          ['Long-wear', '持久'],
          ['Moisturising', '滋润'],
          ['Lightweight', '轻薄'],
          ['Vivid', '显色'],
        ],
        materials: [
          {
            name: ['Velvet Matte', '丝绒雾面'],
            desc: ['A velvet matte texture that glides on smoothly.', '丝绒雾面质地，上妆顺滑不拔干。'],
          },
          {
            name: ['Satin', '缎光'],
            desc: ['A satin finish with a soft glow.', '缎光妆效，柔和有光泽。'],
          },
          {
            name: ['Dewy', '水光'],
            desc: ['A dewy, glass-like shine.', '水光镜面效果，晶莹透亮。'],
          },
        ],
        nouns: [
          ['Lipstick', '口红'],
          ['Lip Tint', '唇釉'],
          ['Lip Balm', '润唇膏'],
          ['Cream Blush', '腮红膏'],
        ],
        descriptions: [
          ['Buildable colour that lasts up to eight hours.', '颜色可叠加，持妆长达8小时。'],
          ['Not tested on animals.', '无动物实验。'],
        ],
        optionSets: [[option(['Shade', '色号'], LIP_SHADES, 2, 5, 'pictured')]],
        price: [9, 42],
      },
      {
        slug: 'hair-care',
        name: ['Hair Care', '洗护'],
        adjectives: [
          ['Nourishing', '滋养'],
          ['Volumising', '蓬松'],
          ['Silicone-free', '无硅油'],
          ['Repairing', '修护'],
        ],
        materials: [
          {
            name: ['Argan Oil', '坚果油'],
            desc: ['Argan oil tames frizz and adds shine.', '坚果油配方，抚平毛躁，增加光泽。'],
          },
          {
            name: ['Rice Water', '米水'],
            desc: ['Fermented rice water strengthens each strand.', '发酵米水，强韧发丝。'],
          },
          {
            name: ['Tea Tree', '茶树'],
            desc: ['Tea tree oil keeps the scalp fresh.', '茶树精油，头皮清爽。'],
          },
          {
            name: ['Ginger', '生姜'],
            desc: ['A warming ginger extract for the scalp.', '生姜精华，温和养护头皮。'],
          },
        ],
        nouns: [
          ['Shampoo', '洗发水'],
          ['Conditioner', '护发素'],
          ['Hair Mask', '发膜'],
          ['Hair Oil', '护发精油'],
        ],
        descriptions: [
          ['Safe for colour-treated hair.', '染烫发也可使用。'],
          ['A fresh, light fragrance that lingers.', '清新淡雅的留香。'],
        ],
        optionSets: [
          [
            option(
              ['Size', '规格'],
              [
                val('250 ml', '250ml', '250'),
                val('500 ml', '500ml', '500', 0.6),
                val('1 L', '1L', '1000', 1.1),
              ],
              1,
              3,
              'run',
            ),
          ],
          [],
        ],
        price: [8, 36],
      },
    ],
  },
  {
    slug: 'sports',
    code: 'SP',
    name: ['Sports', '运动'],
    reviewGood: [
      ['Took it on a 10 km run and barely noticed it.', '跑了10公里几乎感觉不到它的存在。'],
      ['Good grip even when sweaty.', '出汗了也很防滑。'],
      ['Packs down small and weighs almost nothing.', '收纳很小，几乎没有重量。'],
    ],
    reviewBad: [
      ['Started fraying after a month of use.', '用了一个月就开始起毛了。'],
      ['Not as sturdy as the photos suggest.', '没有图片看起来那么结实。'],
    ],
    tagsGood: [
      ['Lightweight', '轻便'],
      ['Good grip', '防滑'],
      ['Breathable', '透气'],
      ['Sturdy', '结实'],
    ],
    tagsBad: [
      ['Runs small', '尺码偏小'],
      ['Not durable', '不耐用'],
    ],
    subs: [
      {
        slug: 'running',
        name: ['Running', '跑步'],
        adjectives: [
          ['Lightweight', '轻量'],
          ['Reflective', '反光'],
          ['Breathable', '透气'],
          ['Seamless', '无缝'],
        ],
        materials: [
          {
            name: ['Mesh', '网眼'],
            desc: ['Open mesh panels let heat escape.', '网眼拼接设计，散热快。'],
          },
          {
            name: ['Merino Wool', '美利奴羊毛'],
            desc: [
              'Merino wool regulates temperature and resists odour.',
              '美利奴羊毛调节温度，不易产生异味。',
            ],
          },
          {
            name: ['Recycled Polyester', '再生涤纶'],
            desc: ['Made from recycled plastic bottles.', '由回收塑料瓶再生制成。'],
          },
          {
            name: ['Quick-dry', '速干'],
            desc: ['Wicks sweat and dries fast.', '排汗速干。'],
          },
        ],
        nouns: [
          ['Running Socks', '跑步袜'],
          ['Running Vest', '跑步背心'],
          ['Running Belt', '跑步腰包'],
          ['Running Cap', '跑步帽'],
        ],
        descriptions: [
          ['Reflective details for early morning runs.', '反光细节，清晨夜跑更安全。'],
          ['Flat seams that will not rub.', '平缝工艺，不磨皮肤。'],
        ],
        optionSets: [
          [
            option(COLOUR, SPORT_COLOURS, 1, 3, 'pictured'),
            option(SIZE_APPAREL, APPAREL_SIZES.slice(1, 5), 2, 4, 'run'),
          ],
          [option(COLOUR, SPORT_COLOURS, 2, 4, 'pictured')],
        ],
        price: [9, 59],
      },
      {
        slug: 'yoga',
        name: ['Yoga', '瑜伽'],
        adjectives: [
          ['Non-slip', '防滑'],
          ['Extra-thick', '加厚'],
          ['Eco-friendly', '环保'],
          ['Foldable', '可折叠'],
        ],
        materials: [
          {
            name: ['Natural Rubber', '天然橡胶'],
            desc: ['Natural rubber grips the floor without sliding.', '天然橡胶底，抓地不滑移。'],
          },
          {
            name: ['Cork', '软木'],
            desc: ['Cork gets grippier as you sweat.', '软木表面越出汗越防滑。'],
          },
          {
            name: ['TPE', 'TPE'],
            desc: ['Light TPE foam that cushions the knees.', '轻质TPE材质，缓冲护膝。'],
          },
          {
            name: ['Cotton', '棉'],
            desc: ['Soft cotton that absorbs sweat.', '柔软棉质，吸汗。'],
          },
        ],
        nouns: [
          ['Yoga Mat', '瑜伽垫'],
          ['Yoga Block', '瑜伽砖'],
          ['Yoga Strap', '瑜伽伸展带'],
          ['Yoga Towel', '瑜伽铺巾'],
        ],
        descriptions: [
          ['Comes with a carry strap.', '附赠背带，携带方便。'],
          ['Alignment lines help you place hands and feet.', '体位线设计，帮助找准手脚位置。'],
        ],
        optionSets: [[option(COLOUR, SPORT_COLOURS, 2, 5, 'pictured')]],
        price: [12, 89],
      },
      {
        slug: 'camping',
        name: ['Camping', '露营'],
        adjectives: [
          ['Ultralight', '超轻'],
          ['Waterproof', '防水'],
          ['Packable', '便携'],
          ['All-weather', '全天候'],
        ],
        materials: [
          {
            name: ['Ripstop Nylon', '防撕裂尼龙'],
            desc: ['Ripstop nylon shrugs off snags and wind.', '防撕裂尼龙面料，抗风耐刮。'],
          },
          {
            name: ['Aluminium', '铝合金'],
            desc: ['An aluminium frame that weighs next to nothing.', '铝合金骨架，轻到几乎没有负担。'],
          },
          {
            name: ['Canvas', '帆布'],
            desc: ['Heavy canvas built for many seasons.', '厚实帆布，经久耐用。'],
          },
        ],
        nouns: [
          ['Camping Chair', '露营椅'],
          ['Sleeping Bag', '睡袋'],
          ['Dome Tent', '帐篷'],
          ['Camping Lantern', '露营灯'],
        ],
        descriptions: [
          ['Sets up in under five minutes.', '五分钟内即可搭建完成。'],
          ['Packs into the included stuff sack.', '可收纳进附带的收纳袋。'],
        ],
        optionSets: [[option(COLOUR, OUTDOOR_COLOURS, 1, 3, 'pictured')], []],
        price: [19, 249],
      },
    ],
  },
  {
    slug: 'food',
    code: 'FD',
    name: ['Food', '食品'],
    reviewGood: [
      ['Fresh and fragrant, will definitely reorder.', '新鲜又香，一定会回购。'],
      ['Well packed and arrived in perfect condition.', '包装严实，收到时完好无损。'],
      ['Makes a lovely gift.', '送人很有面子。'],
    ],
    reviewBad: [
      ['Tasted stale and the best-before date was close.', '有点不新鲜，临近保质期。'],
      ['Much too sweet for me.', '太甜了，吃不惯。'],
    ],
    tagsGood: [
      ['Tastes great', '好吃'],
      ['Fresh', '新鲜'],
      ['Nicely packaged', '包装精美'],
      ['Good value', '性价比高'],
    ],
    tagsBad: [
      ['Too sweet', '偏甜'],
      ['Not fresh', '不新鲜'],
    ],
    subs: [
      {
        slug: 'tea',
        name: ['Tea', '茶叶'],
        adjectives: [
          ['Fragrant', '浓香型'],
          ['Mellow', '醇和'],
          ['Delicate', '清香型'],
        ],
        materials: [
          {
            name: ['Organic', '有机'],
            desc: ['Certified organic leaves from a single garden.', '有机认证，单一茶园采制。'],
          },
          {
            name: ['High-mountain', '高山'],
            desc: [
              'Grown above 1,000 m where leaves mature slowly.',
              '海拔千米以上种植，茶叶生长缓慢、内质丰富。',
            ],
          },
          {
            name: ['Hand-picked', '手工采摘'],
            desc: ['Hand-picked in early spring.', '早春手工采摘。'],
          },
          {
            name: ['Loose-leaf', '原叶'],
            desc: ['Whole loose leaves, never dust or fannings.', '整片原叶，非碎茶茶末。'],
          },
        ],
        nouns: [
          ['Oolong Tea', '乌龙茶'],
          ['Green Tea', '绿茶'],
          ['Black Tea', '红茶'],
          ['Jasmine Tea', '茉莉花茶'],
          ['White Tea', '白茶'],
        ],
        descriptions: [
          ['Steep at 85 °C for two to three minutes.', '建议85°C水温冲泡2至3分钟。'],
          ['Packed in a resealable tin to keep it fresh.', '密封罐装，开封后依然保鲜。'],
        ],
        optionSets: [
          [
            option(
              ['Weight', '净含量'],
              [
                val('100 g', '100克', '100'),
                val('250 g', '250克', '250', 1.2),
                val('500 g', '500克', '500', 2.8),
              ],
              1,
              3,
              'run',
            ),
          ],
          [],
        ],
        price: [9, 59],
      },
      {
        slug: 'coffee',
        name: ['Coffee', '咖啡'],
        adjectives: [
          ['Medium-roast', '中度烘焙'],
          ['Dark-roast', '深度烘焙'],
          ['Light-roast', '浅度烘焙'],
          ['Smooth', '顺滑'],
        ],
        materials: [
          {
            name: ['Single-origin', '单一产地'],
            desc: [
              'Single-origin beans with notes of cocoa and cherry.',
              '单一产地咖啡豆，带可可与樱桃风味。',
            ],
          },
          {
            name: ['Arabica', '阿拉比卡'],
            desc: ['100% arabica beans, roasted in small batches.', '100%阿拉比卡豆，小批量烘焙。'],
          },
          {
            name: ['Decaf', '低因'],
            desc: ['Decaffeinated with water, no chemicals.', '水处理法低因，不含化学溶剂。'],
          },
        ],
        nouns: [
          ['Coffee Beans', '咖啡豆'],
          ['Ground Coffee', '咖啡粉'],
          ['Drip Bags', '挂耳咖啡'],
          ['Cold Brew', '冷萃咖啡'],
        ],
        descriptions: [
          ['Roasted to order and shipped within 48 hours.', '现烘现发，48小时内发货。'],
          ['A one-way valve keeps the beans fresh.', '单向排气阀包装，锁住新鲜。'],
        ],
        optionSets: [
          [
            option(
              ['Weight', '净含量'],
              [
                val('250 g', '250克', '250'),
                val('500 g', '500克', '500', 0.8),
                val('1 kg', '1千克', '1000', 1.7),
              ],
              1,
              3,
              'run',
            ),
          ],
          [],
        ],
        price: [9, 39],
      },
      {
        slug: 'snacks',
        name: ['Snacks', '零食'],
        adjectives: [
          ['Crunchy', '香脆'],
          ['Lightly Salted', '淡盐'],
          ['Spicy', '香辣'],
          ['Honey-roasted', '蜂蜜烘烤'],
        ],
        materials: [
          {
            name: ['Almond', '巴旦木'],
            desc: ['Whole almonds roasted without oil.', '整颗巴旦木，无油烘烤。'],
          },
          {
            name: ['Cashew', '腰果'],
            desc: ['Large, creamy cashews.', '大颗腰果，口感绵密。'],
          },
          {
            name: ['Seaweed', '海苔'],
            desc: ['Thin, crisp roasted seaweed.', '轻薄香脆的烤海苔。'],
          },
          {
            name: ['Dried Mango', '芒果干'],
            desc: ['Sun-dried mango with no added sugar.', '日晒芒果干，无额外添加糖。'],
          },
        ],
        nouns: [
          ['Snack Pack', '零食包'],
          ['Gift Box', '礼盒'],
          ['Family Bag', '家庭装'],
          ['Trail Mix', '混合装'],
        ],
        descriptions: [
          ['Individually wrapped daily portions.', '每日小包独立装。'],
          ['No artificial colours or preservatives.', '无人工色素和防腐剂。'],
        ],
        optionSets: [
          [
            option(
              ['Pack size', '规格'],
              [
                val('6 bags', '6袋', '6'),
                val('12 bags', '12袋', '12', 0.8),
                val('24 bags', '24袋', '24', 1.6),
              ],
              2,
              3,
              'run',
            ),
          ],
          [],
        ],
        price: [5, 35],
      },
    ],
  },
];

const BRANDS: readonly BrandSpec[] = [
  { name: ['Northwind', '北风'], pinyin: 'beifeng', tops: ['AP', 'SP'] },
  { name: ['Maple Lane', '枫径'], pinyin: 'fengjing', tops: ['HM', 'AP'] },
  { name: ['Stonebrook', '石溪'], pinyin: 'shixi', tops: ['FD', 'KT'] },
  { name: ['Lumora', '流明'], pinyin: 'liuming', tops: ['EL', 'HM'] },
  { name: ['Harborline', '港湾'], pinyin: 'gangwan', tops: ['HM', 'KT'] },
  { name: ['Bluefield', '蓝田'], pinyin: 'lantian', tops: ['FD'] },
  { name: ['Pinecrest', '松岭'], pinyin: 'songling', tops: ['SP', 'AP'] },
  { name: ['Quietleaf', '静叶'], pinyin: 'jingye', tops: ['BT'] },
  { name: ['Emberly', '余烬'], pinyin: 'yujin', tops: ['KT'] },
  { name: ['Tidewell', '潮汐'], pinyin: 'chaoxi', tops: ['EL', 'SP'] },
  { name: ['Halcyon Row', '晴巷'], pinyin: 'qingxiang', tops: ['AP', 'BT'] },
  { name: ['Wildmoss', '野苔'], pinyin: 'yetai', tops: ['SP', 'HM'] },
  { name: ['Kestrel Works', '隼工坊'], pinyin: 'sungongfang', tops: ['EL', 'KT'] },
  { name: ['Oakhaven', '橡屿'], pinyin: 'xiangyu', tops: ['HM', 'FD'] },
  { name: ['Loomwell', '织良'], pinyin: 'zhiliang', tops: ['AP', 'HM'] },
  { name: ['Brightmere', '明湖'], pinyin: 'minghu', tops: ['BT', 'EL'] },
  { name: ['Cinder & Clay', '陶烬'], pinyin: 'taojin', tops: ['KT', 'HM'] },
  { name: ['Morrow', '朝至'], pinyin: 'zhaozhi', tops: ['EL', 'AP'] },
  { name: ['Juniper Hill', '杜松山'], pinyin: 'dusongshan', tops: ['FD', 'BT'] },
  { name: ['Plum & Pine', '梅松'], pinyin: 'meisong', tops: ['FD', 'BT'] },
];

const SHOP_SENTENCES: readonly Phrase[] = [
  ['Ships within 24 hours from our local warehouse.', '本地仓发货，24小时内发出。'],
  ['Backed by a 30-day no-questions-asked return policy.', '支持30天无理由退换。'],
  ['Arrives gift-ready in recyclable packaging.', '可回收环保包装，送礼也合适。'],
];

/** Picture views after the first ("front") one. */
const FRONT_VIEW: Phrase = ['front view', '正面'];
const EXTRA_VIEWS: readonly Phrase[] = [
  ['side view', '侧面'],
  ['back view', '背面'],
  ['detail close-up', '细节特写'],
  ['in use', '使用场景'],
];

const TITLES_GOOD: readonly Phrase[] = [
  ['Love it', '很喜欢'],
  ['Exactly as described', '和描述一致'],
  ['Great value', '物超所值'],
  ['Would buy again', '会回购'],
  ['Better than expected', '超出预期'],
  ['Five stars', '五星好评'],
  ['Solid quality', '质量很好'],
  ['Fast delivery', '发货很快'],
];
const TITLES_MIXED: readonly Phrase[] = [
  ["It's okay", '还行吧'],
  ['Decent for the price', '这个价位还可以'],
  ['Mixed feelings', '有好有坏'],
  ['Not bad', '不错但一般'],
];
const TITLES_BAD: readonly Phrase[] = [
  ['Disappointed', '很失望'],
  ['Not as pictured', '与图片不符'],
  ['Returned it', '已退货'],
  ['Poor quality', '质量差'],
  ["Wouldn't recommend", '不推荐'],
];
const BODIES_GOOD: readonly Phrase[] = [
  ['Arrived two days after ordering and was well packed.', '下单两天就到了，包装很仔细。'],
  ['Exactly what I was looking for.', '正是我想要的。'],
  ['The quality is great for the price.', '这个价格能买到这种质量，很值。'],
  ['Bought a second one for my mum.', '又给妈妈买了一个。'],
  ['Been using it daily for a month with no complaints.', '每天都在用，一个月了没有任何问题。'],
  ['Customer service answered all my questions quickly.', '客服回复很及时，问题都解决了。'],
];
const BODIES_MIXED: readonly Phrase[] = [
  ['It does the job, nothing special.', '能用，但没什么惊喜。'],
  ['Good overall, but delivery took over a week.', '总体不错，就是物流慢了一周多。'],
  ['Quality is fine, though the box was dented.', '质量还行，就是外包装压坏了。'],
  ['Not bad, but I expected a bit more for the price.', '还可以，但以这个价格我期待更高。'],
];
const BODIES_BAD: readonly Phrase[] = [
  ['Not what I expected at all.', '和预期完全不一样。'],
  ['Arrived damaged and the return took weeks.', '收到就是坏的，退货折腾了好几周。'],
  ['Looks cheap in person.', '实物看起来很廉价。'],
  ['Customer service never replied to my message.', '联系客服一直没人回复。'],
];
/**
 * Review bodies that look like markup on purpose. They are plain text: components must show them
 * literally (textContent, Lit bindings), never parse them as HTML.
 */
const BODIES_MARKUP_LOOKING: readonly Phrase[] = [
  ['<b>great</b> & cheap, would buy again', '<b>很好</b> & 便宜，会回购'],
  ['Honestly 5 < 6 stars... but the site only allows 5 ;)', '其实想给 5 < 6 星……可惜最多只能给5星 ;)'],
  [
    "My kid typed <script>alert('hi')</script> into the review box.\nThe product is great though!",
    "孩子在评论框里打了 <script>alert('hi')</script>\n不过东西确实好！",
  ],
  [
    "Size \"M\" fits like 'L' -> order one down & you're fine.",
    '"M"码穿着像\'L\'码 -> 拍小一码 & 就很合适。',
  ],
  [
    '<img src=x onerror=alert(1)> lol. Anyway: 10/10 & fast shipping',
    '<img src=x onerror=alert(1)> 哈哈，总之10/10 & 发货快',
  ],
];
const REPLIES: readonly Phrase[] = [
  [
    "We're sorry to hear this. Please send us your order number and we'll arrange a replacement or refund.",
    '非常抱歉给您带来不好的体验，请联系客服并提供订单号，我们会为您安排换货或退款。',
  ],
  [
    "Thank you for the honest feedback. We've passed it on to our quality team.",
    '感谢您的真实反馈，我们已转交品控团队改进。',
  ],
  [
    'Sorry about this. Our team has emailed you about a free replacement.',
    '抱歉给您添麻烦了，客服已联系您安排免费补发。',
  ],
];

const FIRST_NAMES = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Mia',
  'Lucas',
  'Chloe',
  'James',
  'Grace',
  'Daniel',
  'Zoe',
  'Henry',
  'Lily',
  'Jack',
  'Ella',
  'Owen',
  'Priya',
  'Mateo',
  'Hana',
  'Omar',
  'Sara',
  'Wei',
  'Aisha',
  'Diego',
  'Nora',
  'Theo',
] as const;
const NICKNAMES = [
  '小鹿乱撞',
  '柠檬不酸',
  '阿杰',
  '晴天',
  '吃货一枚',
  '橘子汽水',
  '慢慢来',
  '星河',
  '大白',
  '夏天的风',
  '木木',
  '一只猫',
  '小王同学',
  '甜甜圈',
  '老陈',
  '风起时',
  '豆豆妈',
  '阳光男孩',
  '云朵',
  '不吃香菜',
  '加油鸭',
  '七月',
  '安静的鱼',
  '早睡早起',
  '二狗子',
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'] as const;

const TAG_SALE: Phrase = ['Sale', '促销'];
const TAG_NEW: Phrase = ['New', '新品'];
const TAG_BESTSELLER: Phrase = ['Bestseller', '热销'];

const POPULAR_SEARCHES: Readonly<Record<ShopLocale, readonly string[]>> = {
  en: [
    't-shirt',
    'hoodie',
    'bedding set',
    'non-stick pan',
    'wireless earbuds',
    'face serum',
    'yoga mat',
    'oolong tea',
  ],
  'zh-CN': ['T恤', '卫衣', '四件套', '不粘锅', '蓝牙耳机', '精华液', '瑜伽垫', '乌龙茶'],
};

// ---------------------------------------------------------------------------------------------
// Dates and money

const DAY = 86_400_000;
const CREATED_FROM = Date.UTC(2025, 0, 1);
const CREATED_TO = Date.UTC(2026, 10, 1);
/** Reviews are dated up to just before the demo's "today". */
const REVIEWS_TO = Date.UTC(2026, 10, 27);
/** Products added after this are tagged "New". */
const NEW_SINCE = Date.UTC(2026, 8, 1);

/**
 * `new Date(ms).toISOString()` for instants from 1970 on, without the Date object: formatting a few
 * thousand dates that way was most of the generator's run time. Civil-from-days conversion after
 * Howard Hinnant, https://howardhinnant.github.io/date_algorithms.html#civil_from_days.
 */
function isoString(ms: number): string {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const time = `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
  return `${year}-${pad(month, 2)}-${pad(day, 2)}T${time}Z`;
}

/** A random instant in `[from, to)`, on a whole minute. */
function randomTime(rng: Rng, from: number, to: number): number {
  return from + Math.floor((rng() * (to - from)) / 60_000) * 60_000;
}

/**
 * A USD price in cents as a Chinese shop would price it: about 7×, rounded to whole yuan ending in
 * 9 or 0 (¥199, ¥1400), returned in fen. Which ending is used depends only on the price, so the
 * result is stable.
 */
function toCnyFen(usdCents: number): number {
  const yuan = (usdCents * 7) / 100;
  const tens = Math.max(1, Math.round(yuan / 10));
  const endsInNine = Math.round(yuan) % 3 !== 0;
  return (endsInNine ? tens * 10 - 1 : tens * 10) * 100;
}

/** A price in the locale's currency from a USD price in cents. */
function money(lang: Lang, usdCents: number): Money {
  return lang === 0 ? { amount: usdCents, currency: 'USD' } : { amount: toCnyFen(usdCents), currency: 'CNY' };
}

/** A "was" price that is guaranteed to be above `price` after conversion. */
function compareMoney(lang: Lang, usdCents: number, price: Money): Money {
  const converted = money(lang, usdCents);
  let amount = converted.amount;
  while (amount <= price.amount) amount += lang === 0 ? 100 : 1000;
  return { amount, currency: converted.currency };
}

// ---------------------------------------------------------------------------------------------
// Generation

const ALL_SUBS: readonly { top: TopSpec; sub: SubSpec }[] = TOPS.flatMap((top) =>
  top.subs.map((sub) => ({ top, sub })),
);

const BRANDS_BY_TOP: ReadonlyMap<string, readonly BrandSpec[]> = new Map(
  TOPS.map((top) => [top.code, BRANDS.filter((brand) => brand.tops.includes(top.code))]),
);

/** Most variants a product may have (the cartesian product of its option values is capped). */
const MAX_VARIANTS = 12;

interface ChosenOption {
  readonly spec: OptionSpec;
  readonly values: readonly OptionValue[];
}

function chooseOptions(rng: Rng, specs: readonly OptionSpec[]): ChosenOption[] {
  const chosen: ChosenOption[] = [];
  let combinations = 1;
  for (const spec of specs) {
    const max = Math.min(spec.max, spec.values.length, Math.floor(MAX_VARIANTS / combinations));
    const k = randInt(rng, Math.min(spec.min, max), max);
    let values: OptionValue[];
    if (spec.run) {
      const start = randInt(rng, 0, spec.values.length - k);
      values = spec.values.slice(start, start + k);
    } else {
      values = sample(rng, spec.values, k);
    }
    chosen.push({ spec, values });
    combinations *= k;
  }
  return chosen;
}

function cartesian(chosen: readonly ChosenOption[]): OptionValue[][] {
  let combos: OptionValue[][] = [[]];
  for (const { values } of chosen)
    combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
  return combos;
}

/** Weights for 1…5 stars. Most products are liked; a few are duds. */
const RATING_WEIGHTS_GOOD = [0.05, 0.05, 0.1, 0.28, 0.52] as const;
const RATING_WEIGHTS_DUD = [0.25, 0.2, 0.22, 0.18, 0.15] as const;

/**
 * A product's stock situation: usually each variant has its own status, but a few products are
 * sold out, only on preorder, or running low everywhere.
 */
const STOCK_MODES = ['mixed', 'sold_out', 'preorder', 'low'] as const;
const STOCK_MODE_WEIGHTS = [0.88, 0.04, 0.03, 0.05] as const;
type StockMode = (typeof STOCK_MODES)[number];

const AVAILABILITY_WEIGHTS = [0.84, 0.07, 0.06, 0.03] as const;
const AVAILABILITIES: readonly Availability[] = ['in_stock', 'limited', 'out_of_stock', 'preorder'];

function variantAvailability(mode: StockMode, roll: number): Availability {
  if (mode === 'sold_out') return 'out_of_stock';
  if (mode === 'preorder') return 'preorder';
  if (mode === 'low') return roll === 2 ? 'out_of_stock' : 'limited';
  return at(AVAILABILITIES, roll);
}

/** Product availability from its variants: the best any variant offers. */
function overallAvailability(variants: readonly Variant[]): Availability {
  for (const status of ['in_stock', 'limited', 'preorder'] as const) {
    if (variants.some((variant) => variant.availability === status)) return status;
  }
  return 'out_of_stock';
}

function authorName(lang: Lang, n: number): string {
  if (lang === 0)
    return `${at(FIRST_NAMES, n % FIRST_NAMES.length)} ${String.fromCharCode(65 + ((n >>> 5) % 26))}.`;
  return (n >>> 5) % 4 === 0 ? `${at(SURNAMES, n % SURNAMES.length)}**` : at(NICKNAMES, n % NICKNAMES.length);
}

/**
 * 0–25 reviews of one product, newest first. Ratings lean positive; about one product in ten is a
 * dud that collects mostly poor ones.
 */
function generateReviews(
  rng: Rng,
  lang: Lang,
  top: TopSpec,
  id: string,
  created: number,
  variants: readonly Variant[],
): Review[] {
  const hasOptions = Object.keys(at(variants, 0).options).length > 0;
  const dud = rng() < 0.1;
  const reviewCount = rng() < 0.15 ? 0 : 1 + Math.floor(rng() ** 1.6 * 25);
  const reviews: Review[] = [];
  for (let r = 0; r < reviewCount; r++) {
    const rating = 1 + weighted(rng, dud ? RATING_WEIGHTS_DUD : RATING_WEIGHTS_GOOD);
    const good = rating >= 4;
    const bad = rating <= 2;
    const title = pick(rng, good ? TITLES_GOOD : bad ? TITLES_BAD : TITLES_MIXED);
    const first = pick(rng, good ? BODIES_GOOD : bad ? BODIES_BAD : BODIES_MIXED);
    // A 3-star review mentions either a good or a bad point about the category.
    const leansGood = good || (!bad && rng() < 0.5);
    const specific = pick(rng, leansGood ? top.reviewGood : top.reviewBad);
    const shape = rng();
    const markupLooking = good && rng() < 0.012;
    const sentences = shape < 0.3 ? [first] : shape < 0.6 ? [specific] : [first, specific];
    const lineBreak = rng() < 0.2;
    const body = markupLooking
      ? pick(rng, BODIES_MARKUP_LOOKING)[lang]
      : joinSentences(
          lang,
          sentences.map((s) => s[lang]),
          lineBreak ? '\n' : undefined,
        );
    const tagPool = good ? top.tagsGood : bad ? top.tagsBad : [...top.tagsGood, ...top.tagsBad];
    const tags = sample(rng, tagPool, Math.min(tagPool.length, randInt(rng, 0, 2))).map((tag) => tag[lang]);
    const verified = rng() < 0.4;
    const boughtVariant = hasOptions && rng() < 0.7 ? pick(rng, variants) : undefined;
    const helpful = Math.floor(rng() ** 3 * 60);
    const date = randomTime(rng, created + DAY, Math.max(created + 2 * DAY, REVIEWS_TO));
    const hasReply = bad && rng() < 0.15;
    const reply = pick(rng, REPLIES);
    const replyDate = date + randInt(rng, 1, 3) * DAY + randInt(rng, 0, 600) * 60_000;
    const author = authorName(lang, Math.floor(rng() * 1_000_000));
    const review: Review = {
      id: '',
      productId: id,
      rating,
      title: title[lang],
      body,
      author,
      date: isoString(date),
      verified,
      tags,
      helpful,
    };
    if (boughtVariant) review.variant = { ...boughtVariant.options };
    if (hasReply) review.reply = { body: reply[lang], date: isoString(replyDate) };
    reviews.push(review);
  }
  // Newest first, as a product page lists them; ids follow that order.
  reviews.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  reviews.forEach((review, r) => (review.id = `${id}-r${pad(r + 1, 2)}`));
  return reviews;
}

interface Generated {
  product: Product;
  reviews: Review[];
  categoryId: string;
}

/**
 * The demo's video and 3D model (generated by scripts/make-demo-video.mjs and make-demo-model.mjs,
 * served from examples/shop/public/media): a short turntable clip with English and Chinese
 * captions, and a glTF model, each with a poster.
 */
function demoMedia(lang: Lang, title: string): Media[] {
  const captions = [
    { src: '/media/clip.en.vtt', lang: 'en', label: 'English' },
    { src: '/media/clip.zh-CN.vtt', lang: 'zh-CN', label: '中文' },
  ];
  return [
    {
      type: 'video',
      url: '/media/clip.webm',
      alt: lang === 0 ? `${title}, turning on a stand` : `${title}旋转展示`,
      width: 640,
      height: 360,
      poster: '/media/clip-poster.svg',
      captions,
    },
    {
      type: 'model',
      url: '/media/bag.glb',
      alt: lang === 0 ? `3D model of the ${title}` : `${title}的 3D 模型`,
      poster: '/media/bag-poster.svg',
    },
  ];
}

function generateProduct(rng: Rng, lang: Lang, n: number): Generated {
  const { top, sub } = pick(rng, ALL_SUBS);
  const brand = pick(rng, BRANDS_BY_TOP.get(top.code) ?? BRANDS);
  const adjective = pick(rng, sub.adjectives);
  const material = pick(rng, sub.materials);
  const noun = pick(rng, sub.nouns);
  const baseDollars = randInt(rng, sub.price[0], sub.price[1]);
  const chosen = chooseOptions(rng, pick(rng, sub.optionSets));
  const pictured = chosen.find((option) => option.spec.pictured);

  // A few colours cost a little more (special finishes).
  const premiumValue =
    pictured && pictured.values.length > 1 && rng() < 0.2 ? pick(rng, pictured.values) : undefined;
  const premiumDollars = randInt(rng, 1, 3);
  const onSale = rng() < 0.27;
  const discount = 0.1 + rng() * 0.3;
  const stockMode = at(STOCK_MODES, weighted(rng, STOCK_MODE_WEIGHTS));

  const id = `p${pad(n, 4)}`;
  const sku = `VT-${top.code}-${pad(n, 4)}`;
  const options: ProductOption[] = chosen.map((option) => ({
    name: option.spec.name[lang],
    values: option.values.map((value) => value.label[lang]),
  }));

  const variants: Variant[] = cartesian(chosen).map((combo, k) => {
    const factor = combo.reduce((sum, value) => sum + value.factor, 0);
    const plus =
      combo.reduce((sum, value) => sum + value.plus, 0) +
      (premiumValue && combo.includes(premiumValue) ? premiumDollars : 0);
    const dollars = Math.max(1, Math.round(baseDollars * (1 + factor)) + plus);
    const priceCents = dollars * 100 - 1;
    const price = money(lang, priceCents);
    const hasCompare = onSale && rng() < 0.9;
    const availabilityRoll = weighted(rng, AVAILABILITY_WEIGHTS);
    const availability = variantAvailability(stockMode, availabilityRoll);
    const colourIndex = pictured ? pictured.values.findIndex((value) => combo.includes(value)) : 0;
    const variant: Variant = {
      id: `${id}-v${pad(k + 1, 2)}`,
      sku: combo.length ? `${sku}-${combo.map((value) => value.code).join('-')}` : sku,
      options: Object.fromEntries(
        combo.map((value, d) => [at(chosen, d).spec.name[lang], value.label[lang]]),
      ),
      price,
      availability,
      mediaIndex: Math.max(0, colourIndex),
    };
    if (hasCompare) {
      const compareDollars = Math.max(dollars + 1, Math.round(dollars / (1 - discount)));
      variant.compareAt = compareMoney(lang, compareDollars * 100 - 1, price);
    }
    return variant;
  });

  // Media: one front picture per colour, then extra views of the first colour.
  const colourValues = pictured?.values ?? [];
  const mediaCount = Math.min(5, Math.max(colourValues.length, randInt(rng, 2, 5)));
  const media: Media[] = [];
  for (let m = 0; m < mediaCount; m++) {
    const colour = colourValues[m < colourValues.length ? m : 0];
    const view =
      m < Math.max(1, colourValues.length)
        ? FRONT_VIEW
        : at(EXTRA_VIEWS, m - Math.max(1, colourValues.length));
    const words = colour ? [colour.label[0], material.name[0], noun[0]] : [material.name[0], noun[0]];
    const alt =
      lang === 0
        ? `${upperFirst(words.map(midSentence).join(' '))}, ${view[0]}`
        : `${colour?.label[1] ?? ''}${material.name[1]}${noun[1]} ${view[1]}`;
    media.push({ type: 'image', url: `/img/${id}-${m + 1}.svg`, alt, width: 800, height: 800 });
  }

  const created = randomTime(rng, CREATED_FROM, CREATED_TO);
  const descriptionParts = [material.desc, pick(rng, sub.descriptions), pick(rng, SHOP_SENTENCES)].slice(
    0,
    randInt(rng, 1, 3),
  );

  const reviews = generateReviews(rng, lang, top, id, created, variants);

  const ratingSum = reviews.reduce((sum, review) => sum + review.rating, 0);
  const average = reviews.length ? Math.round((ratingSum / reviews.length) * 10) / 10 : 0;

  // The product shows its cheapest variant's price (the first one on a tie).
  const cheapest = variants.reduce(
    (best, variant) => (variant.price.amount < best.price.amount ? variant : best),
    at(variants, 0),
  );
  const tags = [sub.name[lang], material.name[lang]];
  if (cheapest.compareAt) tags.push(TAG_SALE[lang]);
  if (created >= NEW_SINCE) tags.push(TAG_NEW[lang]);
  if (reviews.length >= 15 && average >= 4.2) tags.push(TAG_BESTSELLER[lang]);

  const title =
    lang === 0
      ? `${brand.name[0]} ${adjective[0]} ${material.name[0]} ${noun[0]}`
      : `${brand.name[1]} ${material.name[1]}${adjective[1]}${noun[1]}`;
  const product: Product = {
    id,
    sku,
    url: `/product.html?id=${id}`,
    title,
    brand: brand.name[lang],
    category: [top.name[lang], sub.name[lang]],
    description: joinSentences(
      lang,
      descriptionParts.map((part) => part[lang]),
    ),
    price: { ...cheapest.price },
    availability: overallAvailability(variants),
    options,
    variants,
    media: (n - 1) % 3 === 0 ? [...media, ...demoMedia(lang, title)] : media,
    rating: { average, count: reviews.length },
    createdAt: isoString(created),
    tags,
  };
  if (cheapest.compareAt) product.compareAt = { ...cheapest.compareAt };
  return { product, reviews, categoryId: `${top.slug}/${sub.slug}` };
}

function coupons(lang: Lang): Coupon[] {
  const currency = lang === 0 ? 'USD' : 'CNY';
  // Thresholds are set per market (¥199 is not $25 × 7), as real shops do.
  const threshold = (
    code: string,
    usd: readonly [number, number],
    cny: readonly [number, number],
    endsAt: string,
  ): Coupon => {
    const [spend, save] = lang === 0 ? usd : cny;
    return {
      code,
      title: lang === 0 ? `$${save} off orders over $${spend}` : `满${spend}减${save}`,
      kind: 'threshold',
      value: save * 100,
      minSpend: { amount: spend * 100, currency },
      newCustomersOnly: false,
      startsAt: '2026-11-01T00:00:00.000Z',
      endsAt,
    };
  };
  return [
    threshold('SAVE-TIER1', [25, 5], [199, 20], '2026-12-31T23:59:59.000Z'),
    threshold('SAVE-TIER2', [50, 12], [399, 50], '2026-12-31T23:59:59.000Z'),
    threshold('SAVE-TIER3', [100, 30], [699, 100], '2026-12-12T23:59:59.000Z'),
    {
      code: 'WINTER10',
      title: lang === 0 ? '10% off sitewide' : '全场9折',
      kind: 'percent',
      value: 10,
      minSpend: { amount: 0, currency },
      newCustomersOnly: false,
      startsAt: '2026-11-20T00:00:00.000Z',
      endsAt: '2026-12-02T23:59:59.000Z',
    },
    {
      code: 'WELCOME15',
      title: lang === 0 ? 'New customers: 15% off your first order' : '新人专享：首单85折',
      kind: 'percent',
      value: 15,
      minSpend: { amount: 0, currency },
      newCustomersOnly: true,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2027-12-31T23:59:59.000Z',
    },
    {
      code: 'FREESHIP',
      title: lang === 0 ? 'Free shipping on orders over $35' : '满99包邮',
      kind: 'shipping',
      value: 0,
      minSpend: { amount: lang === 0 ? 3500 : 9900, currency },
      newCustomersOnly: false,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2027-12-31T23:59:59.000Z',
    },
  ];
}

/** Default number of products. */
const DEFAULT_COUNT = 300;
/** Default PRNG seed. */
const DEFAULT_SEED = 20261128;

/**
 * Generates the demo shop's catalog: products with variants, media and reviews, plus coupons,
 * categories, brands and popular searches. No network and no `Math.random`: the same locale, seed
 * and count always give byte-identical JSON, and both locales share ids, SKUs, category structure,
 * options, variants, ratings and dates — only the text and the currency (USD / CNY) differ.
 *
 * Some review bodies deliberately look like HTML (`<b>great</b> & cheap`); they are plain text.
 * A coupon's `value` is in minor units for `threshold` coupons (满减), a percentage for `percent`
 * ones and 0 for `shipping`.
 *
 * @param locale `'en'` (USD prices) or `'zh-CN'` (CNY prices).
 * @param options.count Number of products, 300 by default.
 * @param options.seed PRNG seed, 20261128 by default.
 */
export function generateCatalog(
  locale: ShopLocale,
  options: { count?: number; seed?: number } = {},
): Catalog {
  const count = options.count ?? DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const lang: Lang = locale === 'en' ? 0 : 1;
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);

  const products: Product[] = [];
  const reviews: Review[] = [];
  const perCategory = new Map<string, number>();
  for (let n = 1; n <= count; n++) {
    const generated = generateProduct(rng, lang, n);
    products.push(generated.product);
    reviews.push(...generated.reviews);
    perCategory.set(generated.categoryId, (perCategory.get(generated.categoryId) ?? 0) + 1);
  }

  const categories: Category[] = ALL_SUBS.map(({ top, sub }) => {
    const id = `${top.slug}/${sub.slug}`;
    return { id, path: [top.name[lang], sub.name[lang]], productCount: perCategory.get(id) ?? 0 };
  });
  const used = new Set(products.map((product) => product.brand));
  const brands = BRANDS.filter((brand) => used.has(brand.name[lang]))
    .map((brand) => ({
      name: brand.name[lang],
      key: lang === 0 ? brand.name[0].toLowerCase() : brand.pinyin,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((brand) => brand.name);

  return {
    locale,
    currency: lang === 0 ? 'USD' : 'CNY',
    products,
    reviews,
    coupons: coupons(lang),
    categories,
    brands,
    popularSearches: [...POPULAR_SEARCHES[locale]],
  };
}
