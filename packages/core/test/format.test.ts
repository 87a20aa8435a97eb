import { expect } from '@esm-bundle/chai';
import { formatDate, formatList, formatRelativeTime } from '@vitrine/core';

describe('Intl formatting helpers', () => {
  const now = Date.UTC(2026, 10, 28, 12);

  it('format relative time in both languages with the largest whole unit', () => {
    expect(formatRelativeTime(now - 3 * 86_400_000, 'en', now)).to.equal('3 days ago');
    expect(formatRelativeTime(now - 3 * 86_400_000, 'zh-CN', now)).to.equal('3天前');
    expect(formatRelativeTime(now - 86_400_000, 'en', now)).to.equal('yesterday');
    expect(formatRelativeTime(now - 400 * 86_400_000, 'en', now)).to.equal('last year');
    expect(formatRelativeTime('not a date', 'en', now)).to.equal('');
  });

  it('format lists and dates per locale', () => {
    expect(formatList(['Red', 'Blue', 'Green'], 'en')).to.equal('Red, Blue, and Green');
    expect(formatList(['红色', '蓝色', '绿色'], 'zh-CN')).to.equal('红色、蓝色和绿色');
    expect(formatList(['colour', 'size'], 'en', 'conjunction')).to.equal('colour and size');
    expect(formatDate('2026-11-28T00:00:00Z', 'zh-CN')).to.equal('2026年11月28日');
    expect(formatDate('garbage', 'en')).to.equal('');
  });
});
