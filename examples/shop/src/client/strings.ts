import type { ShopLocale } from '../catalog-types.js';

/** The demo shop's own page text (the components bring their own translations). */
const en = {
  shopName: 'Vitrine Demo Shop',
  skip: 'Skip to content',
  navHome: 'Home',
  navSearch: 'Search',
  navCart: 'Cart',
  navCheckout: 'Checkout',
  navInsights: 'Insights',
  language: 'Language',
  searchLabel: 'Search products',
  featured: 'Featured products',
  categories: 'Categories',
  popular: 'Popular searches',
  byBrand: 'by {brand}',
  reviews: 'Reviews',
  noReviews: 'No reviews yet.',
  rating: 'Rated {avg} out of 5 from {n} reviews',
  verified: 'Verified buyer',
  merchantReply: 'Reply from the shop',
  productMissing: 'This product could not be loaded.',
  loadFailed: 'The catalog could not be loaded. Please reload the page.',
  cartTitle: 'Your cart',
  checkoutTitle: 'Checkout',
  cartRestored: 'Welcome back: your cart is as you left it.',
  cartNotRestored: 'Your saved cart could not be restored. It may have expired.',
  coupons: 'Offers',
  groupStarted:
    'Your group is open. In a real shop the backend now creates it and gives you a link to invite {n} more.',
  minSpend: 'on orders over {amount}',
  consentText:
    'This demo shop can record what you click and how you move through it, so you can see it afterwards as heatmaps and funnels. Nothing you type is recorded, and nothing leaves this machine.',
  consentAllow: 'Allow',
  consentDeny: 'No thanks',
  consentLabel: 'Analytics consent',
};

export type StringKey = keyof typeof en;

const zhCN: Record<StringKey, string> = {
  shopName: 'Vitrine 演示商店',
  skip: '跳到正文',
  navHome: '首页',
  navSearch: '搜索',
  navCart: '购物车',
  navCheckout: '结算',
  navInsights: '数据洞察',
  language: '语言',
  searchLabel: '搜索商品',
  featured: '精选商品',
  categories: '商品分类',
  popular: '热门搜索',
  byBrand: '品牌：{brand}',
  reviews: '商品评价',
  noReviews: '暂无评价。',
  rating: '{n} 条评价，平均 {avg} 分（满分 5 分）',
  verified: '已购买',
  merchantReply: '商家回复',
  productMissing: '无法加载该商品。',
  loadFailed: '商品目录加载失败，请刷新页面重试。',
  cartTitle: '我的购物车',
  checkoutTitle: '结算',
  cartRestored: '欢迎回来，购物车已恢复到您离开时的样子。',
  cartNotRestored: '无法恢复您保存的购物车，链接可能已过期。',
  coupons: '优惠',
  groupStarted: '已开团。真实商店中，后端会创建拼团并给您邀请链接，再邀 {n} 人即可成团。',
  minSpend: '满 {amount} 可用',
  consentText:
    '本演示商店可以记录你的点击和浏览路径，之后以热力图和转化漏斗的形式展示给你。你输入的内容不会被记录，数据也不会离开本机。',
  consentAllow: '允许',
  consentDeny: '不用了',
  consentLabel: '分析数据授权',
};

const catalogs: Record<ShopLocale, Record<StringKey, string>> = { en, 'zh-CN': zhCN };

/** Shop text for `key`, with `{name}` placeholders filled from `values`. */
export function t(locale: ShopLocale, key: StringKey, values: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const shopStrings = catalogs;
