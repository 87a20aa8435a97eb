import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Address } from '../src/order/order-types.js';
import {
  addressFields,
  checkAddress,
  checkAddressField,
  checkEmail,
  checkPhone,
  COUNTRY_CODES,
  countryName,
  normalizePhone,
  type AddressField,
} from '../src/address/index.js';

const TOKENS = [
  'name',
  'address-line1',
  'address-line2',
  'address-level1',
  'address-level2',
  'address-level3',
  'postal-code',
  'tel',
];
const HAN = /\p{Script=Han}/u;
const byKey = (fields: AddressField[], key: string) => fields.find((f) => f.key === key)!;

const CN_OK: Address = {
  country: 'CN',
  name: '张三',
  phone: '138 0013 8000',
  region: '广东省',
  city: '深圳市',
  district: '南山区',
  line1: '科技园南区深南大道10000号 3栋 1201室',
};
const US_OK: Address = {
  country: 'US',
  name: 'Ada Lovelace',
  line1: '1 Market St',
  line2: 'Suite 300',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94103',
  phone: '(415) 555-2671',
};

describe('addressFields', () => {
  it('CN follows the Chinese order with 7 fields, postal code collapsed and no line 2', () => {
    const fields = addressFields('CN', 'zh-CN');
    assert.deepEqual(
      fields.map((f) => f.key),
      ['name', 'phone', 'region', 'city', 'district', 'line1', 'postalCode'],
    );
    assert.deepEqual(
      fields.map((f) => f.label),
      ['收货人', '手机号码', '所在省份', '城市', '区/县', '详细地址', '邮政编码'],
    );
    const postal = byKey(fields, 'postalCode');
    assert.equal(postal.collapsed, true);
    assert.equal(postal.required, false);
    assert.equal(postal.openLabel, '添加邮政编码');
    assert.equal(postal.inputMode, 'numeric');
    assert.equal(fields.filter((f) => f.collapsed).length, 1);
    const phone = byKey(fields, 'phone');
    assert.deepEqual([phone.type, phone.inputMode, phone.required], ['tel', 'tel', true]);
    assert.deepEqual(
      fields.filter((f) => f.required).map((f) => f.key),
      ['name', 'phone', 'region', 'city', 'district', 'line1'],
    );
  });

  it('CN provinces: 34 divisions stored by Chinese name, labelled in pinyin for English readers', () => {
    const zh = byKey(addressFields('CN', 'zh-CN'), 'region');
    const en = byKey(addressFields('CN', 'en'), 'region');
    assert.equal(zh.type, 'select');
    assert.equal(zh.options!.length, 34);
    assert.equal(en.options!.length, 34);
    assert.equal(zh.options![0]!.label, '北京市');
    for (const value of ['广东省', '北京市', '香港特别行政区', '新疆维吾尔自治区']) {
      assert.ok(
        zh.options!.some((o) => o.value === value && o.label === value),
        value,
      );
    }
    assert.deepEqual(
      en.options!.find((o) => o.label === 'Guangdong'),
      { value: '广东省', label: 'Guangdong' },
    );
    assert.equal(en.options!.find((o) => o.label === 'Hong Kong')?.value, '香港特别行政区');
    assert.deepEqual(new Set(en.options!.map((o) => o.value)), new Set(zh.options!.map((o) => o.value)));
    const enLabels = en.options!.map((o) => o.label);
    assert.deepEqual(
      enLabels,
      [...enLabels].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('US: autocomplete tokens in order, ZIP required and numeric, line 2 and phone collapsed', () => {
    const fields = addressFields('US', 'en');
    assert.deepEqual(
      fields.map((f) => [f.key, f.autocomplete]),
      [
        ['name', 'name'],
        ['line1', 'address-line1'],
        ['line2', 'address-line2'],
        ['city', 'address-level2'],
        ['region', 'address-level1'],
        ['postalCode', 'postal-code'],
        ['phone', 'tel'],
      ],
    );
    const zip = byKey(fields, 'postalCode');
    assert.deepEqual(
      [zip.label, zip.required, zip.inputMode, zip.hint],
      ['ZIP code', true, 'numeric', '5 digits, e.g. 94103'],
    );
    assert.deepEqual(
      fields.filter((f) => f.collapsed).map((f) => [f.key, f.openLabel]),
      [
        ['line2', 'Add apt, suite, etc.'],
        ['phone', 'Add phone number'],
      ],
    );
    assert.equal(byKey(fields, 'phone').required, false);
  });

  it('US states: 50 states, DC and 5 territories, by code, named in the locale', () => {
    const en = byKey(addressFields('US', 'en'), 'region');
    const zh = byKey(addressFields('US', 'zh-CN'), 'region');
    assert.equal(en.type, 'select');
    assert.equal(en.options!.length, 56);
    assert.equal(zh.options!.length, 56);
    for (const code of ['CA', 'NY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP']) {
      assert.ok(
        en.options!.some((o) => o.value === code),
        code,
      );
    }
    assert.equal(en.options!.find((o) => o.value === 'CA')?.label, 'California');
    assert.equal(zh.options!.find((o) => o.value === 'CA')?.label, '加利福尼亚州');
    assert.equal(zh.options!.find((o) => o.value === 'NY')?.label, '纽约州');
    assert.ok(zh.options!.every((o) => HAN.test(o.label)));
  });

  it('any other country gets the generic form: optional region text and postal code', () => {
    const fields = addressFields('BR', 'en');
    assert.deepEqual(
      fields.map((f) => f.key),
      ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'phone'],
    );
    const region = byKey(fields, 'region');
    assert.deepEqual(
      [region.type, region.required, region.label],
      ['text', false, 'State / province / region'],
    );
    assert.equal(byKey(fields, 'postalCode').required, false);
    assert.equal(byKey(fields, 'postalCode').maxLength, 12);
    assert.deepEqual(
      fields.filter((f) => f.collapsed).map((f) => f.key),
      ['line2', 'phone'],
    );
  });

  it('countries with a certain postcode format require it and hint at it', () => {
    const gb = byKey(addressFields('GB', 'en'), 'postalCode');
    assert.deepEqual([gb.label, gb.required, gb.hint], ['Postcode', true, 'e.g. SW1A 1AA']);
    const de = byKey(addressFields('DE', 'zh-CN'), 'postalCode');
    assert.deepEqual([de.required, de.inputMode, de.hint], [true, 'numeric', '5位数字，例如 10115']);
  });

  it('the country code is case-insensitive and an unknown one falls back to the generic form', () => {
    assert.deepEqual(addressFields('cn', 'en'), addressFields('CN', 'en'));
    assert.deepEqual(addressFields('XX', 'en'), addressFields('BR', 'en'));
  });

  it('every field has a known autocomplete token, a label per locale and a consistent shape', () => {
    for (const country of ['CN', 'US', 'GB', 'CA', 'DE', 'JP', 'BR', 'AQ']) {
      const en = addressFields(country, 'en');
      const zh = addressFields(country, 'zh-CN');
      assert.equal(en.length, zh.length);
      en.forEach((field, i) => {
        const other = zh[i]!;
        const where = `${country} ${field.key}`;
        assert.ok(TOKENS.includes(field.autocomplete), where);
        assert.equal(field.autocomplete, other.autocomplete, where);
        assert.notEqual(field.label, other.label, where);
        assert.ok(!HAN.test(field.label) && HAN.test(other.label), where);
        assert.equal(Boolean(field.collapsed), Boolean(field.openLabel), where);
        if (field.collapsed) assert.ok(HAN.test(other.openLabel!), where);
        assert.equal(field.type === 'select', Boolean(field.options?.length), where);
        assert.ok(field.maxLength > 0, where);
      });
      assert.equal(new Set(en.map((f) => f.autocomplete)).size, en.length, `${country} tokens unique`);
    }
  });

  it('returns fresh objects, so a caller changing one cannot break the next form', () => {
    const first = addressFields('US', 'en');
    first[0]!.label = 'changed';
    byKey(first, 'region').options!.length = 0;
    assert.equal(addressFields('US', 'en')[0]!.label, 'Full name');
    assert.equal(byKey(addressFields('US', 'en'), 'region').options!.length, 56);
  });
});

describe('checkAddressField', () => {
  it('asks for required fields specifically, in both languages, after trimming', () => {
    assert.equal(checkAddressField('name', '   ', 'US', 'en'), 'Enter your full name');
    assert.equal(checkAddressField('name', '', 'CN', 'zh-CN'), '请输入收货人姓名');
    assert.equal(checkAddressField('line1', '', 'US', 'en'), 'Enter a street address');
    assert.equal(checkAddressField('line1', '', 'CN', 'zh-CN'), '请输入详细地址');
    assert.equal(checkAddressField('city', '', 'FR', 'zh-CN'), '请输入城市');
    assert.equal(checkAddressField('district', '', 'CN', 'zh-CN'), '请输入区/县');
    assert.equal(checkAddressField('region', '', 'US', 'en'), 'Choose a state');
    assert.equal(checkAddressField('region', '', 'CN', 'zh-CN'), '请选择省份');
    assert.equal(checkAddressField('postalCode', '', 'US', 'en'), 'Enter a ZIP code');
    assert.equal(checkAddressField('phone', ' ', 'CN', 'zh-CN'), '请输入手机号码');
    assert.equal(checkAddressField('phone', '', 'CN', 'en'), 'Enter a mobile number');
  });

  it('lets optional fields stay empty', () => {
    assert.equal(checkAddressField('line2', '', 'US', 'en'), '');
    assert.equal(checkAddressField('phone', '', 'US', 'en'), '');
    assert.equal(checkAddressField('postalCode', '', 'CN', 'zh-CN'), '');
    assert.equal(checkAddressField('region', '', 'BR', 'en'), '');
    assert.equal(checkAddressField('postalCode', '', 'BR', 'en'), '');
  });

  it('ignores fields the country form does not have', () => {
    assert.equal(checkAddressField('line2', 'x'.repeat(500), 'CN', 'en'), '');
    assert.equal(checkAddressField('district', '', 'US', 'en'), '');
  });

  it('limits lengths: name 100, lines 120, city and district 60', () => {
    const cases = [
      ['name', 100, 'US'],
      ['line1', 120, 'US'],
      ['line2', 120, 'GB'],
      ['city', 60, 'CN'],
      ['district', 60, 'CN'],
    ] as const;
    for (const [key, max, country] of cases) {
      assert.equal(checkAddressField(key, 'a'.repeat(max), country, 'en'), '', key);
      assert.equal(checkAddressField(key, ` ${'a'.repeat(max)} `, country, 'en'), '', `${key} trimmed`);
      assert.equal(
        checkAddressField(key, 'a'.repeat(max + 1), country, 'en'),
        `Use ${max} characters or fewer`,
      );
      assert.equal(checkAddressField(key, 'a'.repeat(max + 1), country, 'zh-CN'), `最多填写${max}个字符`);
    }
    assert.equal(checkAddressField('phone', '1'.repeat(25), 'US', 'en'), 'Use 24 characters or fewer');
  });

  it('checks US ZIP codes: 5 digits or ZIP+4', () => {
    for (const ok of ['94103', ' 94103 ', '94103-1234']) {
      assert.equal(checkAddressField('postalCode', ok, 'US', 'en'), '', ok);
    }
    for (const bad of ['9410', '941031', '94103-12', 'ABCDE', '94103 1234']) {
      assert.equal(
        checkAddressField('postalCode', bad, 'US', 'en'),
        'Enter a 5-digit ZIP code, like 94103',
        bad,
      );
    }
    assert.equal(checkAddressField('postalCode', '9410', 'US', 'zh-CN'), '请输入5位邮政编码，例如 94103');
  });

  it('checks CN postal codes when given: 6 digits', () => {
    assert.equal(checkAddressField('postalCode', '518000', 'CN', 'zh-CN'), '');
    assert.equal(checkAddressField('postalCode', '51800', 'CN', 'zh-CN'), '请输入6位邮政编码，例如 518000');
    assert.equal(
      checkAddressField('postalCode', '51800a', 'CN', 'en'),
      'Enter a 6-digit postal code, like 518000',
    );
  });

  it('checks the postcodes of countries with a known format', () => {
    const ok = [
      ['GB', 'SW1A 1AA'],
      ['GB', 'm1 1ae'],
      ['GB', 'EC1A1BB'],
      ['CA', 'K1A 0B1'],
      ['DE', '10115'],
      ['FR', '75001'],
      ['JP', '100-0001'],
      ['JP', '1000001'],
      ['NL', '1012 AB'],
      ['AU', '2000'],
    ] as const;
    for (const [country, code] of ok) {
      assert.equal(checkAddressField('postalCode', code, country, 'en'), '', `${country} ${code}`);
    }
    assert.equal(checkAddressField('postalCode', '12345', 'GB', 'en'), 'Enter a postcode like SW1A 1AA');
    assert.equal(checkAddressField('postalCode', 'D1A 0B1', 'CA', 'en'), 'Enter a postal code like K1A 0B1');
    assert.equal(
      checkAddressField('postalCode', '1011', 'DE', 'en'),
      'Enter a 5-digit postal code, like 10115',
    );
    assert.equal(
      checkAddressField('postalCode', '100-00011', 'JP', 'zh-CN'),
      '请输入7位邮政编码，例如 100-0001',
    );
    assert.equal(checkAddressField('postalCode', '', 'GB', 'en'), 'Enter a postcode');
  });

  it('accepts any plausible postal code elsewhere: up to 12 letters, digits, spaces or hyphens', () => {
    for (const ok of ['01310-100', 'SE-111 22', 'AB12CD34EF56']) {
      assert.equal(checkAddressField('postalCode', ok, 'BR', 'en'), '', ok);
    }
    for (const bad of ['ABC_123', '1234567890123', '№ 12']) {
      assert.equal(
        checkAddressField('postalCode', bad, 'BR', 'en'),
        'Use up to 12 letters, numbers, spaces or hyphens',
        bad,
      );
    }
  });

  it('accepts only listed regions in the US and CN selects', () => {
    assert.equal(checkAddressField('region', 'CA', 'US', 'en'), '');
    assert.equal(checkAddressField('region', 'ca', 'US', 'en'), '');
    assert.equal(checkAddressField('region', 'PR', 'US', 'en'), '');
    assert.equal(checkAddressField('region', 'California', 'US', 'en'), 'Choose a state');
    assert.equal(checkAddressField('region', 'ZZ', 'US', 'zh-CN'), '请选择州');
    assert.equal(checkAddressField('region', '广东省', 'CN', 'zh-CN'), '');
    assert.equal(checkAddressField('region', 'Guangdong', 'CN', 'zh-CN'), '请选择省份');
    assert.equal(checkAddressField('region', 'Bavaria', 'DE', 'en'), '');
  });

  it('checks only presence and length of the phone, leaving the number to checkPhone', () => {
    assert.equal(checkAddressField('phone', '123', 'CN', 'zh-CN'), '');
    assert.equal(checkAddressField('phone', 'not a number', 'US', 'en'), '');
  });
});

describe('checkPhone and normalizePhone', () => {
  it('CN: accepts mainland mobiles however they are typed', async () => {
    for (const typed of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+86 138 0013 8000',
      '0086 13800138000',
      '１３８００１３８０００',
      '19912345678',
    ]) {
      assert.equal(await checkPhone(typed, 'CN', 'zh-CN'), '', typed);
    }
    assert.equal(await normalizePhone('+86 138 0013 8000', 'CN'), '+8613800138000');
    assert.equal(await normalizePhone('138-0013-8000', 'CN'), '+8613800138000');
  });

  it('CN: refuses landlines, short numbers, bad prefixes and foreign numbers, in Chinese and English', async () => {
    assert.equal(await checkPhone('010 1234 5678', 'CN', 'zh-CN'), '请填写手机号码，不支持座机号码');
    assert.equal(await checkPhone('0755-12345678', 'CN', 'en'), 'Enter a mobile number, not a landline');
    assert.equal(await checkPhone('1380013800', 'CN', 'zh-CN'), '请输入11位手机号码');
    assert.equal(await checkPhone('138001380001', 'CN', 'en'), 'Enter an 11-digit mobile number');
    assert.equal(await checkPhone('12345678901', 'CN', 'zh-CN'), '请检查号码：手机号码以13至19开头');
    assert.equal(await checkPhone('+1 415 555 2671', 'CN', 'zh-CN'), '请输入中国大陆手机号码');
    assert.equal(await checkPhone('abc', 'CN', 'zh-CN'), '请输入11位手机号码');
    assert.equal(await normalizePhone('010 1234 5678', 'CN'), null);
  });

  it('US: accepts North American numbers and refuses the rest', async () => {
    assert.equal(await checkPhone('(415) 555-2671', 'US', 'en'), '');
    assert.equal(await checkPhone('+1 787 555 0123', 'US', 'en'), '');
    assert.equal(await normalizePhone('(201) 555-0123', 'US'), '+12015550123');
    const message = 'Enter a 10-digit US phone number, like (201) 555-0123';
    assert.equal(await checkPhone('555-1234', 'US', 'en'), message);
    assert.equal(await checkPhone('+44 7400 123456', 'US', 'en'), message);
    assert.equal(await checkPhone('555-1234', 'US', 'zh-CN'), '请输入10位美国电话号码，例如 (201) 555-0123');
    assert.equal(await normalizePhone('555-1234', 'US'), null);
  });

  it('other countries: a valid number of that country, named in the message', async () => {
    assert.equal(await checkPhone('07400 123456', 'GB', 'en'), '');
    assert.equal(await normalizePhone('07400 123456', 'GB'), '+447400123456');
    assert.equal(await normalizePhone('01 23 45 67 89', 'FR'), '+33123456789');
    assert.equal(
      await checkPhone('+33 1 23 45 67 89', 'GB', 'en'),
      'Enter a valid phone number for this country (United Kingdom)',
    );
    assert.equal(await checkPhone('12', 'FR', 'zh-CN'), '请输入有效的法国电话号码');
  });

  it('countries without a numbering plan take any international number', async () => {
    assert.equal(await checkPhone('+44 7400 123456', 'AQ', 'en'), '');
    assert.equal(await checkPhone('7400 123456', 'AQ', 'en'), 'Enter the number with + and its country code');
  });

  it('leaves an empty phone to the required check', async () => {
    assert.equal(await checkPhone('', 'CN', 'zh-CN'), '');
    assert.equal(await checkPhone('   ', 'US', 'en'), '');
    assert.equal(await normalizePhone('', 'US'), null);
  });
});

describe('checkAddress', () => {
  it('returns {} for good addresses', async () => {
    assert.deepEqual(await checkAddress(CN_OK, 'zh-CN'), {});
    assert.deepEqual(await checkAddress({ ...CN_OK, postalCode: '518057' }, 'en'), {});
    assert.deepEqual(await checkAddress(US_OK, 'en'), {});
    assert.deepEqual(await checkAddress({ ...US_OK, line2: undefined, phone: undefined }, 'en'), {});
    assert.deepEqual(
      await checkAddress(
        { country: 'GB', name: 'Ada', line1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA' },
        'en',
      ),
      {},
    );
    assert.deepEqual(
      await checkAddress({ country: 'BR', name: 'Ana', line1: 'Av. Paulista 1000', city: 'São Paulo' }, 'en'),
      {},
    );
  });

  it('names every bad field of a US address, in English and Chinese', async () => {
    const bad: Address = {
      country: 'US',
      name: ' ',
      line1: '1 Market St',
      city: 'San Francisco',
      region: 'California',
      postalCode: '9410',
      phone: '555-1234',
    };
    assert.deepEqual(await checkAddress(bad, 'en'), {
      name: 'Enter your full name',
      region: 'Choose a state',
      postalCode: 'Enter a 5-digit ZIP code, like 94103',
      phone: 'Enter a 10-digit US phone number, like (201) 555-0123',
    });
    assert.deepEqual(await checkAddress(bad, 'zh-CN'), {
      name: '请输入姓名',
      region: '请选择州',
      postalCode: '请输入5位邮政编码，例如 94103',
      phone: '请输入10位美国电话号码，例如 (201) 555-0123',
    });
  });

  it('names every bad field of a CN address, a landline included', async () => {
    const bad: Address = { ...CN_OK, district: '', phone: '010-12345678', postalCode: '5180' };
    assert.deepEqual(await checkAddress(bad, 'zh-CN'), {
      phone: '请填写手机号码，不支持座机号码',
      district: '请输入区/县',
      postalCode: '请输入6位邮政编码，例如 518000',
    });
    assert.deepEqual(await checkAddress({ ...CN_OK, phone: undefined }, 'en'), {
      phone: 'Enter a mobile number',
    });
  });

  it('reports only the country when it is missing or unknown', async () => {
    const noCountry = { ...US_OK, country: '' };
    assert.deepEqual(await checkAddress(noCountry, 'en'), { country: 'Choose a country or region' });
    assert.deepEqual(await checkAddress({ ...US_OK, country: 'XX' }, 'zh-CN'), {
      country: '请从列表中选择国家/地区',
    });
    assert.deepEqual(await checkAddress({ ...US_OK, country: 'us' }, 'en'), {});
  });

  it('survives loose JSON from a request body', async () => {
    const body = JSON.parse(
      '{"country":"US","name":42,"line1":null,"city":"SF","region":"CA","postalCode":"94103"}',
    );
    assert.deepEqual(Object.keys(await checkAddress(body as Address, 'en')), ['name', 'line1']);
  });
});

describe('checkEmail', () => {
  it('accepts plausible addresses', () => {
    for (const ok of ['ada@example.com', ' ada+shop@mail.example.co.uk ', '张三@例子.中国']) {
      assert.equal(checkEmail(ok, 'en'), '', ok);
    }
  });

  it('explains what is wrong, in both languages', () => {
    assert.equal(checkEmail('', 'en'), 'Enter your email');
    assert.equal(checkEmail('  ', 'zh-CN'), '请输入电子邮箱');
    assert.equal(checkEmail('ada @example.com', 'en'), 'Remove the spaces from your email');
    assert.equal(
      checkEmail(`${'a'.repeat(243)}@example.com`, 'en'),
      "Email addresses can't be longer than 254 characters",
    );
    for (const bad of [
      'ada',
      'ada@example',
      'ada@@example.com',
      'a@b@example.com',
      'ada@example.',
      'ada@.com',
      '@example.com',
    ]) {
      assert.equal(checkEmail(bad, 'en'), 'Enter an email address like name@example.com', bad);
    }
    assert.equal(checkEmail('ada@example', 'zh-CN'), '请输入有效的电子邮箱，例如 name@example.com');
  });
});

describe('countryName and COUNTRY_CODES', () => {
  it('names countries in the locale', () => {
    assert.equal(countryName('US', 'en'), 'United States');
    assert.equal(countryName('US', 'zh-CN'), '美国');
    assert.equal(countryName('CN', 'en'), 'China');
    assert.equal(countryName('CN', 'zh-CN'), '中国');
    assert.equal(countryName('gb', 'zh-CN'), '英国');
  });

  it('gives back the code when it cannot name it', () => {
    assert.equal(countryName('USA', 'en'), 'USA');
    assert.equal(countryName('', 'zh-CN'), '');
  });

  it('lists every ISO 3166-1 alpha-2 code once, each with a name in both locales', () => {
    assert.equal(COUNTRY_CODES.length, 249);
    assert.equal(new Set(COUNTRY_CODES).size, COUNTRY_CODES.length);
    for (const code of ['US', 'CN', 'GB', 'HK', 'AQ', 'ZW']) assert.ok(COUNTRY_CODES.includes(code), code);
    for (const code of COUNTRY_CODES) {
      assert.match(code, /^[A-Z]{2}$/);
      assert.notEqual(countryName(code, 'en'), code, code);
      assert.match(countryName(code, 'zh-CN'), HAN, code);
    }
    assert.ok(Object.isFrozen(COUNTRY_CODES));
  });
});

describe('module weight', () => {
  it('keeps libphonenumber behind a dynamic import and pulls in no DOM library', async () => {
    const entry = fileURLToPath(new URL('../src/address/index.ts', import.meta.url));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      conditions: ['source'],
      external: ['libphonenumber-js', 'libphonenumber-js/*', 'lit', '@vitrine/*'],
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
    assert.deepEqual(
      imports.map((i) => [i.path, i.kind]),
      [['libphonenumber-js/min', 'dynamic-import']],
    );
  });
});
