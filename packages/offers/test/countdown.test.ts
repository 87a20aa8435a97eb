import { expect } from '@esm-bundle/chai';
import { expectAccessible, fixture } from '@vitrine/testing';
import '@vitrine/offers/countdown';

describe('<vt-countdown>', () => {
  it('is accessible', async () => {
    await expectAccessible(await fixture('<vt-countdown label="Hello"></vt-countdown>'));
  });

  it('shows its label', async () => {
    const el = await fixture('<vt-countdown label="Hello"></vt-countdown>');
    expect(el.shadowRoot!.textContent).to.contain('Hello');
  });
});
