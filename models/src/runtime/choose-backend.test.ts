import { describe, expect, it } from 'vitest';
import { chooseBackend, probeBackendEnvironment } from './choose-backend.ts';

describe('chooseBackend', () => {
  it('takes WebGL only on a real GPU', () => {
    const gpus = ['ANGLE (Apple, Apple M1, OpenGL 4.1)', 'Adreno (TM) 640', 'Mali-G78'];
    for (const gpuRenderer of gpus) {
      expect(chooseBackend({ gpuRenderer, webAssembly: true })).toBe('webgl');
    }
    const emulated = [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.7, 256 bits)',
      'Google SwiftShader',
      'Microsoft Basic Render Driver',
      'Software Rasterizer',
    ];
    for (const gpuRenderer of emulated) {
      expect(chooseBackend({ gpuRenderer, webAssembly: true })).toBe('wasm');
    }
  });

  it('falls back to wasm without a known GPU, and to cpu without WebAssembly', () => {
    expect(chooseBackend({ gpuRenderer: null, webAssembly: true })).toBe('wasm');
    expect(chooseBackend({ gpuRenderer: null, webAssembly: false })).toBe('cpu');
    expect(chooseBackend({ gpuRenderer: 'llvmpipe', webAssembly: false })).toBe('cpu');
  });
});

describe('probeBackendEnvironment', () => {
  it('reads the unmasked renderer from a WebGL2 context on an OffscreenCanvas, then frees it', () => {
    let lost = false;
    const context = {
      getExtension: (name: string) =>
        name === 'WEBGL_debug_renderer_info'
          ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
          : { loseContext: () => (lost = true) },
      getParameter: (parameter: number) => (parameter === 0x9246 ? 'Mali-G78' : 'WebKit WebGL'),
    };
    class OffscreenCanvas {
      getContext = (kind: string) => (kind === 'webgl2' ? context : null);
    }
    const { WebAssembly } = globalThis as { WebAssembly?: unknown };
    expect(probeBackendEnvironment({ OffscreenCanvas, WebAssembly })).toEqual({
      gpuRenderer: 'Mali-G78',
      webAssembly: true,
    });
    expect(lost).toBe(true);
  });

  it('reports no GPU when the renderer is hidden or WebGL2 is missing, and survives throws', () => {
    class Hidden {
      getContext = () => ({ getExtension: () => null, getParameter: () => 'WebKit WebGL' });
    }
    class NoWebGl {
      getContext = () => null;
    }
    class Throws {
      getContext = (): never => {
        throw new Error('blocked');
      };
    }
    for (const OffscreenCanvas of [Hidden, NoWebGl, Throws]) {
      expect(probeBackendEnvironment({ OffscreenCanvas }).gpuRenderer).toBeNull();
    }
    expect(probeBackendEnvironment({})).toEqual({ gpuRenderer: null, webAssembly: false });
  });

  it('sees Node as a place without WebGL but with WebAssembly', () => {
    expect(probeBackendEnvironment()).toEqual({ gpuRenderer: null, webAssembly: true });
  });
});
