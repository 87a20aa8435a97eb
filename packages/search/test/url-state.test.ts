import { expect } from '@esm-bundle/chai';
import {
  cleanFilters,
  emptyState,
  readUrlState,
  sameState,
  stateToUrl,
  toSearchFilters,
  writeUrlState,
  type SearchState,
} from '../src/url-state.js';

const BASE = 'https://shop.example/search';
const url = (search: string) => `${BASE}?${search}`;

describe('url-state', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('reads the documented parameters', () => {
    const state = readUrlState(
      url(
        'q=headphones&sort=price-asc&page=3&brand=Sony&brand=JBL&category=Audio+%3E+Headphones&availability=in_stock&price=1000-5000&option%3AColor=Black',
      ),
    );
    expect(state).to.deep.equal({
      query: 'headphones',
      sort: 'price-asc',
      page: 3,
      filters: {
        brand: ['Sony', 'JBL'],
        category: ['Audio > Headphones'],
        availability: ['in_stock'],
        price: ['1000-5000'],
        'option:Color': ['Black'],
      },
    });
  });

  it('round-trips a state through the URL and keeps parameters it does not own', () => {
    const state: SearchState = {
      query: '蓝牙 耳机 & "quotes"',
      sort: 'rating',
      page: 2,
      filters: { brand: ['A&B', '华为'], 'option:颜色': ['黑色'], price: ['-9900'] },
    };
    const written = stateToUrl(state, url('utm_source=mail&q=old&brand=Old'));
    expect(written.searchParams.get('utm_source')).to.equal('mail');
    expect(written.searchParams.getAll('brand')).to.deep.equal(['A&B', '华为']);
    expect(readUrlState(written)).to.deep.equal(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(stateToUrl(emptyState('tea'), BASE).search).to.equal('?q=tea');
    expect(stateToUrl(emptyState(), url('x=1')).search).to.equal('?x=1');
  });

  it('tolerates garbage: bad sort, page, price, stock states, empty and huge values', () => {
    const state = readUrlState(
      url(
        `q=%E0%A4%A&sort=cheapest&page=-4&price=abc&availability=maybe&availability=in_stock&brand=&brand=${'x'.repeat(5000)}&option%3A=Red&unknown=1&page=2`,
      ),
    );
    expect(state.sort).to.equal('relevance');
    expect(state.page).to.equal(1);
    expect(state.filters).to.deep.equal({ availability: ['in_stock'] });
    expect(readUrlState('::not a url::').query).to.equal('');
    expect(readUrlState(url('page=1e9')).page).to.equal(1);
    expect(readUrlState(url('page=999999')).page).to.equal(10000);
  });

  it('puts swapped price ends in order and drops empty ranges', () => {
    expect(readUrlState(url('price=5000-1000')).filters).to.deep.equal({ price: ['1000-5000'] });
    expect(readUrlState(url('price=-')).filters).to.deep.equal({});
    expect(readUrlState(url('price=2500-')).filters).to.deep.equal({ price: ['2500-'] });
  });

  it('turns state filters into engine filters', () => {
    expect(
      toSearchFilters({
        category: ['Audio'],
        brand: ['Sony'],
        availability: ['in_stock', 'nonsense'],
        price: ['-5000'],
        'option:Size': ['M', 'L'],
      }),
    ).to.deep.equal({
      category: ['Audio'],
      brand: ['Sony'],
      availability: ['in_stock'],
      price: { max: 5000 },
      options: { Size: ['M', 'L'] },
    });
    expect(cleanFilters(null)).to.deep.equal({});
    expect(cleanFilters({ brand: 'Sony', evil: ['x'] })).to.deep.equal({});
  });

  it('compares states by what they ask for', () => {
    const a: SearchState = { ...emptyState('x'), filters: { brand: ['A'] } };
    expect(sameState(a, { ...a, filters: { brand: ['A'] } })).to.equal(true);
    expect(sameState(a, { ...a, page: 2 })).to.equal(false);
  });

  it('pushes a history entry per change, replaces on request, and back restores', async () => {
    const length = history.length;
    writeUrlState({ ...emptyState('one') });
    writeUrlState({ ...emptyState('two'), sort: 'newest' });
    expect(history.length).to.equal(length + 2);
    expect(readUrlState().query).to.equal('two');
    writeUrlState({ ...emptyState('two'), sort: 'newest', page: 2 }, 'replace');
    expect(history.length).to.equal(length + 2);
    expect(readUrlState().page).to.equal(2);
    const popped = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    expect(readUrlState().query).to.equal('one');
  });

  it('does not push when nothing changed', () => {
    writeUrlState(emptyState('same'));
    const length = history.length;
    writeUrlState(emptyState('same'));
    expect(history.length).to.equal(length);
  });
});
