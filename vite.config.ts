import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Builds the PWA from client/ into dist/client, which the sync-server serves.
// `vite build --mode bench` adds the benchmark page (client/bench.html) and writes to
// dist/bench-app instead, so production builds never ship benchmark code.
export default defineConfig(({ mode }) => ({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: mode === 'bench' ? '../dist/bench-app' : '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions:
      mode === 'bench' ? { input: { main: 'client/index.html', bench: 'client/bench.html' } } : {},
  },
  worker: { format: 'es' },
  plugins: [
    preact(),
    VitePWA({
      // 'prompt': a new version waits until the person accepts it (the "new version" banner),
      // so a form being filled in is never reloaded from under them.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Tirelire',
        short_name: 'Tirelire',
        description: 'Your accounts, on your device, sorted for you.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f5f0',
        theme_color: '#1f6f5c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The whole app shell (JS, CSS, HTML, icons, later the model files) is precached so the
        // app opens with the network off after the first visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,bin,wasm,i8,f32}'],
        // Routes are paths (/accounts/…); every navigation gets the cached index.html.
        navigateFallback: '/index.html',
        // Query strings must not defeat the precache match offline (see STACK.md).
        ignoreURLParametersMatching: [/.*/],
        // The server's API is never served from the cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/\.well-known\//],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
}));
