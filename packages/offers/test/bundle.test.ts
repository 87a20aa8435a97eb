import { expect } from '@esm-bundle/chai';
import { expectAccessible, fixture } from '@vitrine/testing';
import '@vitrine/offers/bundle';

describe('<vt-bundle>', () => {
  it('is accessible', async () => {
    await expectAccessible(await fixture('<vt-bundle label="Hello"></vt-bundle>'));
  });

  it('shows its label', async () => {
    const el = await fixture('<vt-bundle label="Hello"></vt-bundle>');
    expect(el.shadowRoot!.textContent).to.contain('Hello');
  });
});
