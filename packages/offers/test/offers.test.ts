import { expect } from '@esm-bundle/chai';
import { expectAccessible, fixture } from '@vitrine/testing';
import '@vitrine/offers/offers';

describe('<vt-offers>', () => {
  it('is accessible', async () => {
    await expectAccessible(await fixture('<vt-offers label="Hello"></vt-offers>'));
  });

  it('shows its label', async () => {
    const el = await fixture('<vt-offers label="Hello"></vt-offers>');
    expect(el.shadowRoot!.textContent).to.contain('Hello');
  });
});
