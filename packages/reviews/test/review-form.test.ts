import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, until, recordEvents } from '@vitrine/testing';
import type { VtErrorDetail } from '@vitrine/core';
import type { ReviewSubmitDetail } from '@vitrine/schema';
import '@vitrine/reviews/review-form';
import '@vitrine/reviews/reviews';
import type { VtReviewForm, VtReviews } from '@vitrine/reviews';

async function mount(attrs: string, lang = 'en'): Promise<VtReviewForm> {
  const container = document.createElement('div');
  container.lang = lang;
  container.innerHTML = `<vt-review-form ${attrs}></vt-review-form>`;
  document.body.append(container);
  const el = container.firstElementChild as VtReviewForm;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const text = (n: Element | null) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
async function fill(el: VtReviewForm, { rating = 4, body = 'Soft fabric, fits well.', author = 'Ann' } = {}) {
  if (rating) $<HTMLInputElement>(el, `input[name="rating"][value="${rating}"]`).click();
  $<HTMLTextAreaElement>(el, 'textarea').value = body;
  $<HTMLInputElement>(el, '#author').value = author;
}
function setFiles(el: VtReviewForm, files: File[]) {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  $<HTMLInputElement>(el, 'input[type="file"]').files = dt.files;
}
const submit = async (el: VtReviewForm) => {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
};

describe('<vt-review-form>', () => {
  afterEach(() => {
    for (const c of document.body.querySelectorAll(':scope > div')) c.remove();
  });

  it('starts closed behind a button, opens, and is accessible in both languages', async () => {
    const el = await mount('endpoint="/x"');
    expect(text($(el, '[part="open"]'))).to.equal('Write a review');
    $<HTMLButtonElement>(el, '[part="open"]').click();
    await el.updateComplete;
    expect($(el, 'form')).to.not.equal(null);
    await expectAccessible(el);
    await expectAccessible(await mount('endpoint="/x" open', 'zh-CN'));
  });

  it('shows each error at its field, linked, and focuses the first', async () => {
    const el = await mount('endpoint="/x" open');
    await fill(el, { rating: 0, body: 'short', author: '' });
    await submit(el);
    expect(text($(el, '#rating-error'))).to.equal('Choose a rating from 1 to 5 stars.');
    expect(text($(el, '#body-error'))).to.equal('Write at least 10 characters.');
    expect(text($(el, '#author-error'))).to.equal('Enter the name to show with your review.');
    expect($(el, 'textarea').getAttribute('aria-describedby')).to.equal('body-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="rating"]'));
    await expectAccessible(el);
  });

  it('checks photos in the browser: type, size and count', async () => {
    const el = await mount('endpoint="/x" open max-photos="2" max-photo-mb="1"');
    await fill(el);
    setFiles(el, [new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    await submit(el);
    expect(text($(el, '#photos-error'))).to.equal('“notes.txt” is not a JPEG, PNG or WebP image.');
    setFiles(el, [new File([new Uint8Array(1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' })]);
    await submit(el);
    expect(text($(el, '#photos-error'))).to.equal('“huge.jpg” is larger than 1 MB.');
    const small = () => new File([new Uint8Array(10)], 'p.png', { type: 'image/png' });
    setFiles(el, [small(), small(), small()]);
    await submit(el);
    expect(text($(el, '#photos-error'))).to.equal('Choose at most 2 photos.');
  });

  it('posts the review as multipart form data and reports it', async () => {
    const key = `form-${Date.now()}`;
    const events = recordEvents<ReviewSubmitDetail>('vt-review-submit');
    try {
      const el = await mount(`endpoint="/__test__/record/${key}" product-id="tee" open`, 'zh-CN');
      await fill(el, { rating: 5, body: '面料舒适，尺码标准，很满意。', author: '小王' });
      setFiles(el, [new File([new Uint8Array(10)], 'photo.png', { type: 'image/png' })]);
      await submit(el);
      await until(() => text($(el, '[part="message"]')) !== '');
      expect(text($(el, '[part="message"]'))).to.equal('感谢您的评价！审核通过后即会显示。');
      const sent = (await (await fetch(`/__test__/recorded/${key}`)).json()) as {
        type: string;
        body: string;
      };
      expect(sent.type).to.match(/^multipart\/form-data; boundary=/);
      for (const part of [
        'name="rating"\r\n\r\n5',
        'name="body"\r\n\r\n面料舒适，尺码标准，很满意。',
        'name="author"\r\n\r\n小王',
        'name="productId"\r\n\r\ntee',
        'filename="photo.png"',
      ])
        expect(sent.body).to.contain(part);
      expect(events.list).to.deep.equal([{ productId: 'tee', rating: 5, photos: 1, reviewId: `${key}-1` }]);
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');
    } finally {
      events.stop();
    }
  });

  it('keeps everything typed when the endpoint fails, and says so', async () => {
    const errors = captureConsole('error');
    const vtErrors = recordEvents<VtErrorDetail>('vt-error');
    try {
      const el = await mount(`endpoint="/__test__/status/form-500-${Date.now()}?code=500" open`);
      await fill(el, { body: 'This text must survive a server error.' });
      await submit(el);
      await until(() => text($(el, '[part="message"]')) !== '');
      expect(text($(el, '[part="message"]'))).to.equal(
        'Your review could not be sent. Your text is kept; please try again.',
      );
      expect($(el, '[part="message"]').getAttribute('role')).to.equal('alert');
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('This text must survive a server error.');
      expect($<HTMLInputElement>(el, 'input[name="rating"][value="4"]').checked).to.equal(true);
      expect(errors.calls).to.have.length(1);
      expect(vtErrors.list.map((e) => e.attribute)).to.deep.equal(['endpoint']);
    } finally {
      errors.restore();
      vtErrors.stop();
    }
  });

  it('is reachable and usable with the keyboard', async () => {
    const el = await mount('endpoint="/x" open');
    $<HTMLInputElement>(el, 'input[name="rating"][value="1"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect($<HTMLInputElement>(el, 'input[name="rating"][value="3"]').checked).to.equal(true);
  });

  it('appears under <vt-reviews> only when write-endpoint is set, also with no reviews yet', async () => {
    const container = document.createElement('div');
    container.innerHTML = '<vt-reviews write-endpoint="/x"></vt-reviews><vt-reviews></vt-reviews>';
    document.body.append(container);
    const [withForm, without] = [...container.querySelectorAll('vt-reviews')] as VtReviews[];
    withForm!.reviews = [];
    without!.reviews = [];
    await until(() => withForm!.status === 'empty' && without!.status === 'empty');
    await withForm!.updateComplete;
    expect(withForm!.shadowRoot!.querySelector('vt-review-form')).to.not.equal(null);
    expect(without!.shadowRoot!.querySelector('vt-review-form')).to.equal(null);
  });
});
