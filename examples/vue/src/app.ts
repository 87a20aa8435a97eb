import { computed, defineComponent, ref, type PropType } from 'vue';
import type { Product } from '@vitrine/core';
import { vtEvent } from '@vitrine/schema';
import { products as catalog } from '../../shared/framework-catalog.js';
import { useDocumentEvent } from './use-document-event.js';

const money = (m: { amount: number; currency: string }) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).format(m.amount / 100);

/**
 * The example shop page: a search box, a product list and the chosen product, all Vitrine
 * elements driven by Vue state (`.prop` bindings) and feeding it back (`@vt-…` events).
 *
 * The template is compiled in the browser (Vue's full build): no SFC compiler needed here.
 * Product data is treated as immutable: an element updates when it gets another object, not when
 * a field inside the same object changes (see README: "Data").
 */
export const App = defineComponent({
  name: 'ShopPage',
  props: {
    products: { type: Array as PropType<readonly Product[]>, default: () => catalog },
  },
  setup(props) {
    const productId = ref(props.products[0]!.id);
    const product = computed(
      () => props.products.find((p) => p.id === productId.value) ?? props.products[0]!,
    );
    const variantId = ref(product.value.variants[0]!.id);
    const variant = computed(
      () => product.value.variants.find((v) => v.id === variantId.value) ?? product.value.variants[0]!,
    );
    const query = ref('');
    const cart = ref({ items: 0, subtotal: '' });
    const log = ref<{ id: number; text: string }[]>([]);
    const note = (text: string) => {
      log.value = [{ id: (log.value[0]?.id ?? 0) + 1, text }, ...log.value].slice(0, 6);
    };

    // The cart store announces every change on `document` (see README: "Events").
    useDocumentEvent('vt-cart-change', (event) => {
      const { cart: snapshot, reason } = event.detail;
      cart.value = { items: snapshot.itemCount, subtotal: money(snapshot.subtotal) };
      note(`vt-cart-change (${reason})`);
    });
    // Every GA4-style funnel step of every element bubbles up to `document`.
    useDocumentEvent('vt-funnel', (event) => note(`vt-funnel ${event.detail.name}`));
    useDocumentEvent('vt-variant-change', (event) => note(`vt-variant-change ${event.detail.variantId}`));

    const shown = computed(() => {
      const q = query.value.toLowerCase();
      return q
        ? props.products.filter((p) => `${p.title} ${p.category.join(' ')}`.toLowerCase().includes(q))
        : props.products;
    });

    return {
      product,
      variantId,
      variant,
      query,
      cart,
      log,
      shown,
      choose(next: Product) {
        productId.value = next.id;
        variantId.value = next.variants[0]!.id;
      },
      pickVariant(id: string) {
        variantId.value = id;
        // Tell the rest of the page (the tracker, other Vitrine elements) the way Vitrine does.
        const picked = product.value.variants.find((v) => v.id === id)!;
        document.dispatchEvent(
          vtEvent('vt-variant-change', {
            productId: product.value.id,
            variantId: id,
            options: picked.options,
          }),
        );
      },
      onSearchSubmit(event: GlobalEventHandlersEventMap['vt-search-submit']) {
        event.preventDefault(); // stay on this page: Vue shows the results
        query.value = event.detail.query;
      },
    };
  },
  template: /* HTML */ `
    <header class="bar">
      <h1>Vue shop</h1>
      <vt-search
        :products.prop="products"
        label="Search the shop"
        placeholder="Search shirts, bags, mugs…"
        @vt-search-submit="onSearchSubmit"
      ></vt-search>
      <p class="cart" data-test="cart">
        <vt-cart-count></vt-cart-count>
        <span aria-live="polite"
          >{{ cart.items }} {{ cart.items === 1 ? 'item' : 'items' }}<template v-if="cart.subtotal"
            >, {{ cart.subtotal }}</template
          ></span
        >
      </p>
    </header>
    <main class="shop">
      <section aria-labelledby="results-heading" class="results">
        <h2 id="results-heading">{{ query ? 'Results for “' + query + '”' : 'All products' }}</h2>
        <button v-if="query" type="button" @click="query = ''">Show all</button>
        <ul data-test="results">
          <li v-for="p in shown" :key="p.id">
            <button type="button" :aria-pressed="p.id === product.id" @click="choose(p)">
              {{ p.title }}
            </button>
            <vt-price
              :amount.prop="p.price.amount"
              :currency.prop="p.price.currency"
              :compareAt.prop="p.compareAt?.amount"
            ></vt-price>
          </li>
        </ul>
      </section>
      <article aria-labelledby="product-heading" class="product">
        <vt-gallery :product.prop="product" :variant.prop="variantId"></vt-gallery>
        <div>
          <h2 id="product-heading">{{ product.title }}</h2>
          <p>{{ product.description }}</p>
          <vt-price
            data-test="product-price"
            :amount.prop="variant.price.amount"
            :currency.prop="variant.price.currency"
            :compareAt.prop="variant.compareAt?.amount"
          ></vt-price>
          <fieldset v-if="product.variants.length > 1">
            <legend>{{ product.options[0]?.name }}</legend>
            <label v-for="v in product.variants" :key="v.id">
              <input type="radio" name="variant" :checked="v.id === variantId" @change="pickVariant(v.id)" />
              {{ Object.values(v.options).join(' / ') }}
            </label>
          </fieldset>
          <vt-add-to-cart :product.prop="product" :variant.prop="variantId"></vt-add-to-cart>
        </div>
      </article>
      <aside aria-labelledby="log-heading" class="log">
        <h2 id="log-heading">Events Vue heard</h2>
        <ol data-test="log">
          <li v-for="line in log" :key="line.id">{{ line.text }}</li>
        </ol>
      </aside>
    </main>
  `,
});
