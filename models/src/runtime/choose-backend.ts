/** The TF.js backends the runtime knows how to start, fastest first on a device that has them. */
export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What the backend choice depends on (see probeBackendEnvironment). */
export interface BackendEnvironment {
  /**
   * The WebGL2 renderer's name, unmasked through WEBGL_debug_renderer_info; null when there is no
   * WebGL2 or the browser hides the real name (then we cannot tell a GPU from an emulation).
   */
  gpuRenderer: string | null;
  /** WebAssembly can be compiled here (a strict content policy or a very old engine forbids it). */
  webAssembly: boolean;
}

// Renderers that emulate a GPU on the CPU: WebGL on them is slower than wasm, and some (headless
// Chrome's SwiftShader) lose precision. "Microsoft Basic Render Driver" is Windows' fallback.
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** WebGL only on a real GPU, else wasm, else the plain JavaScript backend. */
export function chooseBackend(env: BackendEnvironment): BackendName {
  if (env.gpuRenderer !== null && !SOFTWARE_RENDERER.test(env.gpuRenderer)) return 'webgl';
  if (env.webAssembly) return 'wasm';
  return 'cpu';
}

// The few members of the DOM's OffscreenCanvas and WebGL types we touch; models/ is compiled
// without the DOM library, and the same code runs in Node where none of this exists.
interface RendererInfoExtension {
  readonly UNMASKED_RENDERER_WEBGL: number;
}
interface WebGlContextLike {
  getExtension(name: string): unknown;
  getParameter(parameter: number): unknown;
}
interface OffscreenCanvasLike {
  getContext(kind: 'webgl2'): unknown;
}
type OffscreenCanvasConstructor = new (width: number, height: number) => OffscreenCanvasLike;

/**
 * Looks at the device, from a window or a worker: creates a throwaway WebGL2 context on an
 * OffscreenCanvas (workers have no document) and reads the real renderer's name.
 */
export function probeBackendEnvironment(scope: object = globalThis): BackendEnvironment {
  return { gpuRenderer: probeGpuRenderer(scope), webAssembly: canCompileWebAssembly(scope) };
}

function probeGpuRenderer(scope: object): string | null {
  const Canvas = (scope as { OffscreenCanvas?: OffscreenCanvasConstructor }).OffscreenCanvas;
  if (typeof Canvas !== 'function') return null;
  try {
    const gl = new Canvas(1, 1).getContext('webgl2') as WebGlContextLike | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info') as RendererInfoExtension | null;
    const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : null;
    // Free the context now: browsers cap live WebGL contexts, and TF.js will want its own.
    const lose = gl.getExtension('WEBGL_lose_context') as { loseContext(): void } | null;
    lose?.loseContext();
    return typeof renderer === 'string' && renderer.length > 0 ? renderer : null;
  } catch {
    return null;
  }
}

function canCompileWebAssembly(scope: object): boolean {
  const wasm = (scope as { WebAssembly?: { validate?: (bytes: Uint8Array) => boolean } })
    .WebAssembly;
  if (typeof wasm?.validate !== 'function') return false;
  try {
    // The smallest valid module: the magic number and version 1.
    return wasm.validate(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch {
    return false;
  }
}
