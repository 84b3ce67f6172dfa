import uWS from 'uWebSockets.js';

/** Proof that the native uWS binary is loaded, with the constants only it provides. */
export interface NativeUws {
  readonly exclusivePortOption: number;
}

/**
 * uWebSockets.js (this build) loads `binaries/uws_<platform>_<arch>_<abi>.node`, and when there
 * is none, prints a warning and quietly returns a pure-JS server built on `ws`
 * (node_modules/uWebSockets.js/src/uws.js), several times slower and with other semantics.
 * The fallback lacks the native-only exports checked here (and is a transpiled ES module, with
 * a `default` key). `UWS_USE_FALLBACK=1` forces it, which is how the test checks this.
 */
export function requireNativeUws(module: object = uWS): NativeUws {
  const exclusivePortOption: unknown = Reflect.get(module, 'LIBUS_LISTEN_EXCLUSIVE_PORT');
  const isNative =
    typeof exclusivePortOption === 'number' &&
    typeof Reflect.get(module, 'getParts') === 'function' &&
    !('default' in module);
  if (!isNative) {
    throw new Error(
      `uWebSockets.js has no native binary for ${process.platform}-${process.arch} with Node ` +
        `ABI ${process.versions.modules} (Node ${process.versions.node}) and fell back to a slow ` +
        'pure-JS server; run Node 20 (see "engines") and leave UWS_USE_FALLBACK unset',
    );
  }
  return { exclusivePortOption };
}
