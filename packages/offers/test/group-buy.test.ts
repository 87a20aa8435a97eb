import { expect } from '@esm-bundle/chai';
import { expectAccessible, fixture } from '@vitrine/testing';
import '@vitrine/offers/group-buy';

describe('<vt-group-buy>', () => {
  it('is accessible', async () => {
    await expectAccessible(await fixture('<vt-group-buy label="Hello"></vt-group-buy>'));
  });

  it('shows its label', async () => {
    const el = await fixture('<vt-group-buy label="Hello"></vt-group-buy>');
    expect(el.shadowRoot!.textContent).to.contain('Hello');
  });
});
