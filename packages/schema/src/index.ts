// Runtime exports are constants plus `vtEvent`; everything else is a type (`export type`, so it
// erases completely under verbatimModuleSyntax).
//
// The JSON Schema itself is not imported here: a JSON import needs an import attribute or a
// bundler plugin, and not every tool in this repo has one (Rollup builds without
// @rollup/plugin-json). Node consumers read it through the `@vitrine/schema/wire.schema.json`
// subpath export instead (see README.md, "Validating on a backend").
export type { Money } from './money.js';

export { FUNNEL_EVENTS } from './ga4.js';
export type {
  FunnelDetail,
  FunnelDetailOf,
  FunnelEventName,
  FunnelParams,
  Ga4CheckoutParams,
  Ga4CustomParams,
  Ga4Item,
  Ga4ItemsParams,
  Ga4ListParams,
  Ga4PromotionParams,
  Ga4ValueParams,
} from './ga4.js';

export { VT_EVENTS, vtEvent } from './events.js';
export type {
  CartChangeDetail,
  CartChangeReason,
  CartLineSnapshot,
  CartSnapshot,
  ReadyDetail,
  GroupBuyDetail,
  SaleChangeDetail,
  SalePhase,
  ReviewQuery,
  ReviewFilterDetail,
  ReviewHelpfulDetail,
  MediaOpenDetail,
  ReviewSubmitDetail,
  CheckoutAbandonDetail,
  OrderPlacedDetail,
  MediaRef,
  MediaViewDetail,
  MediaZoomDetail,
  ArLaunchDetail,
  SearchSubmitDetail,
  SearchChangeDetail,
  VariantChangeDetail,
  VtErrorDetail,
  VtEventMap,
  VtEventName,
} from './events.js';

export { WIRE_BATCH_MAX_EVENTS, WIRE_EVENT_TYPES, WIRE_SCHEMA, WIRE_SCHEMA_ID } from './wire.js';
export type {
  ClickData,
  CustomData,
  ErrorData,
  ExposureData,
  FunnelData,
  MoveData,
  PageviewData,
  ReplayData,
  ScrollData,
  VisibilityData,
  VitalData,
  WireBatch,
  WireDataMap,
  WireDevice,
  WireEnvelope,
  WireEvent,
  WireEventOf,
  WireEventType,
  WireMovePoint,
  WirePage,
} from './wire.js';
