/** The ways `<model-viewer>` opens a model in augmented reality, in the order it tries them. */
export const AR_MODES = ['webxr', 'scene-viewer', 'quick-look'] as const;

/** One AR mode: `webxr` (in the page), `scene-viewer` (Android app) or `quick-look` (iOS). */
export type ArMode = (typeof AR_MODES)[number];

/** The parts of WebXR and User-Agent Client Hints read here (not in TypeScript's DOM library). */
interface ArNavigator {
  readonly userAgent: string;
  readonly platform: string;
  readonly maxTouchPoints: number;
  readonly xr?: { isSessionSupported?(mode: string): Promise<boolean> };
  readonly userAgentData?: { getHighEntropyValues?(hints: string[]): Promise<{ formFactor?: string[] }> };
}

/** What the device offers: the browser's `navigator` and `document`, replaceable in tests. */
export interface ArEnvironment {
  navigator: ArNavigator;
  document: Pick<Document, 'createElement'>;
  /** `XRSession.prototype` when WebXR exists. */
  xrSession?: object | undefined;
}

function browserEnvironment(): ArEnvironment {
  const session = (globalThis as { XRSession?: { prototype: object } }).XRSession;
  return { navigator, document, xrSession: session?.prototype };
}

async function supportsWebXr({ navigator: nav, xrSession }: ArEnvironment): Promise<boolean> {
  // model-viewer places the model with WebXR hit testing, so it asks for both.
  if (!xrSession || !('requestHitTestSource' in xrSession) || !nav.xr?.isSessionSupported) return false;
  try {
    return await nav.xr.isSessionSupported('immersive-ar');
  } catch {
    return false;
  }
}

async function supportsSceneViewer({ navigator: nav }: ArEnvironment): Promise<boolean> {
  const ua = nav.userAgent;
  if (/android/i.test(ua) && !/firefox/i.test(ua) && !/OculusBrowser/.test(ua)) return true;
  // XR headsets running Android say so through client hints only.
  try {
    const { formFactor } = (await nav.userAgentData?.getHighEntropyValues?.(['formFactor'])) ?? {};
    return formFactor?.includes('XR') ?? false;
  } catch {
    return false;
  }
}

function supportsQuickLook({ navigator: nav, document: doc }: ArEnvironment): boolean {
  const ua = nav.userAgent;
  // iPadOS Safari says it is a Mac; only the touch screen tells them apart.
  const ios = /iPad|iPhone|iPod/.test(ua) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
  if (!ios || /GSA\//.test(ua)) return false;
  // Other iOS browsers are WebKit views that hand `rel="ar"` links to Quick Look too.
  if (/CriOS\/|EdgiOS\/|FxiOS\/|DuckDuckGo\//.test(ua)) return true;
  return doc.createElement('a').relList.supports('ar');
}

/**
 * The AR mode `<model-viewer ar ar-modes="webxr scene-viewer quick-look">` will use on this device
 * for a model, worked out from public information in model-viewer's order (its own choice is kept
 * in private symbols): WebXR when an immersive AR session is supported, then Scene Viewer on
 * Android, then Quick Look on iOS when the item has a USDZ file (`iosUrl`). `undefined` when the
 * device has none.
 */
export async function detectArMode(
  options: { iosUrl?: string | undefined },
  env: ArEnvironment = browserEnvironment(),
): Promise<ArMode | undefined> {
  if (await supportsWebXr(env)) return 'webxr';
  if (await supportsSceneViewer(env)) return 'scene-viewer';
  if (options.iosUrl && supportsQuickLook(env)) return 'quick-look';
  return undefined;
}
