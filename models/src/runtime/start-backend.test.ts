import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { startBackend } from './start-backend.ts';

describe('startBackend', () => {
  it('falls down the list when a backend cannot start: no WebGL in Node, so wasm', async () => {
    expect(await startBackend('webgl')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    // Single-threaded wasm: the threaded build needs cross-origin isolation.
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('switches between backends, and keeps one already running', async () => {
    expect(await startBackend('cpu')).toBe('cpu');
    expect(await startBackend('cpu')).toBe('cpu');
    expect(await startBackend('wasm')).toBe('wasm');
  });
});
