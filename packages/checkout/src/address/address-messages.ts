import type { Locale } from '@vitrine/core';

/**
 * Every shopper-facing string of the address rules, both languages side by side so that a
 * missing translation is a type error. `{name}` placeholders are filled by {@link message}.
 */
const MESSAGES = {
  'label.name': { en: 'Full name', 'zh-CN': '姓名' },
  'label.recipient': { en: 'Full name', 'zh-CN': '收货人' },
  'label.line1': { en: 'Street address', 'zh-CN': '街道地址' },
  'label.line1.cn': { en: 'Street address', 'zh-CN': '详细地址' },
  'label.line2': { en: 'Apt, suite, etc.', 'zh-CN': '公寓、单元、楼层等' },
  'label.city': { en: 'City', 'zh-CN': '城市' },
  'label.district': { en: 'District', 'zh-CN': '区/县' },
  'label.state': { en: 'State', 'zh-CN': '州' },
  'label.province': { en: 'Province', 'zh-CN': '所在省份' },
  'label.region': { en: 'State / province / region', 'zh-CN': '州/省/地区' },
  'label.zip': { en: 'ZIP code', 'zh-CN': '邮政编码（ZIP）' },
  'label.postal': { en: 'Postal code', 'zh-CN': '邮政编码' },
  'label.postcode': { en: 'Postcode', 'zh-CN': '邮政编码' },
  'label.phone': { en: 'Phone', 'zh-CN': '电话号码' },
  'label.mobile': { en: 'Mobile number', 'zh-CN': '手机号码' },

  'open.line2': { en: 'Add apt, suite, etc.', 'zh-CN': '添加公寓、单元、楼层等' },
  'open.postal': { en: 'Add postal code', 'zh-CN': '添加邮政编码' },
  'open.phone': { en: 'Add phone number', 'zh-CN': '添加电话号码' },

  'hint.line1.cn': { en: 'Street, building and room number', 'zh-CN': '街道、楼栋和门牌号' },
  'hint.digits': { en: '{n} digits, e.g. {example}', 'zh-CN': '{n}位数字，例如 {example}' },
  'hint.example': { en: 'e.g. {example}', 'zh-CN': '例如 {example}' },
  'hint.phone.us': { en: 'e.g. (201) 555-0123', 'zh-CN': '例如 (201) 555-0123' },

  'missing.name': { en: 'Enter your full name', 'zh-CN': '请输入姓名' },
  'missing.recipient': { en: "Enter the recipient's full name", 'zh-CN': '请输入收货人姓名' },
  'missing.line1': { en: 'Enter a street address', 'zh-CN': '请输入街道地址' },
  'missing.line1.cn': { en: 'Enter the street, building and room number', 'zh-CN': '请输入详细地址' },
  'missing.city': { en: 'Enter a city', 'zh-CN': '请输入城市' },
  'missing.district': { en: 'Enter a district', 'zh-CN': '请输入区/县' },
  'missing.state': { en: 'Choose a state', 'zh-CN': '请选择州' },
  'missing.province': { en: 'Choose a province', 'zh-CN': '请选择省份' },
  'missing.zip': { en: 'Enter a ZIP code', 'zh-CN': '请输入邮政编码' },
  'missing.postal': { en: 'Enter a postal code', 'zh-CN': '请输入邮政编码' },
  'missing.postcode': { en: 'Enter a postcode', 'zh-CN': '请输入邮政编码' },
  'missing.mobile': { en: 'Enter a mobile number', 'zh-CN': '请输入手机号码' },

  'invalid.zip': {
    en: 'Enter a 5-digit ZIP code, like {example}',
    'zh-CN': '请输入5位邮政编码，例如 {example}',
  },
  'invalid.digits': {
    en: 'Enter a {n}-digit postal code, like {example}',
    'zh-CN': '请输入{n}位邮政编码，例如 {example}',
  },
  'invalid.postal': {
    en: 'Enter a postal code like {example}',
    'zh-CN': '请输入正确的邮政编码，例如 {example}',
  },
  'invalid.postcode': {
    en: 'Enter a postcode like {example}',
    'zh-CN': '请输入正确的邮政编码，例如 {example}',
  },
  'invalid.generic': {
    en: 'Use up to 12 letters, numbers, spaces or hyphens',
    'zh-CN': '邮政编码最多12位，只能包含字母、数字、空格或连字符',
  },
  'invalid.tooLong': { en: 'Use {max} characters or fewer', 'zh-CN': '最多填写{max}个字符' },

  'phone.cnLength': { en: 'Enter an 11-digit mobile number', 'zh-CN': '请输入11位手机号码' },
  'phone.cnPrefix': {
    en: 'Check the number: mobile numbers start with 13 to 19',
    'zh-CN': '请检查号码：手机号码以13至19开头',
  },
  'phone.cnLandline': {
    en: 'Enter a mobile number, not a landline',
    'zh-CN': '请填写手机号码，不支持座机号码',
  },
  'phone.cnForeign': { en: 'Enter a mainland China mobile number', 'zh-CN': '请输入中国大陆手机号码' },
  'phone.us': {
    en: 'Enter a 10-digit US phone number, like (201) 555-0123',
    'zh-CN': '请输入10位美国电话号码，例如 (201) 555-0123',
  },
  'phone.country': {
    en: 'Enter a valid phone number for this country ({country})',
    'zh-CN': '请输入有效的{country}电话号码',
  },
  'phone.international': {
    en: 'Enter the number with + and its country code',
    'zh-CN': '请输入带 + 和国家代码的电话号码',
  },

  'country.missing': { en: 'Choose a country or region', 'zh-CN': '请选择国家/地区' },
  'country.unknown': { en: 'Choose a country or region from the list', 'zh-CN': '请从列表中选择国家/地区' },

  'email.missing': { en: 'Enter your email', 'zh-CN': '请输入电子邮箱' },
  'email.spaces': { en: 'Remove the spaces from your email', 'zh-CN': '电子邮箱中不能有空格' },
  'email.tooLong': {
    en: "Email addresses can't be longer than 254 characters",
    'zh-CN': '电子邮箱不能超过254个字符',
  },
  'email.invalid': {
    en: 'Enter an email address like name@example.com',
    'zh-CN': '请输入有效的电子邮箱，例如 name@example.com',
  },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

/** A key of the address rules' message catalog. */
export type AddressMessageKey = keyof typeof MESSAGES;

/**
 * The text of `key` in `locale`, `{name}` placeholders replaced from `vars`. Any locale other
 * than `zh-CN` reads English, because a server may pass on whatever tag a client sent.
 */
export function message(
  key: AddressMessageKey,
  locale: Locale,
  vars?: Record<string, string | number>,
): string {
  const text: string = MESSAGES[key][locale === 'zh-CN' ? 'zh-CN' : 'en'];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}
