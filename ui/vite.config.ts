import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The UI is served by the API server from ui/dist in production (same origin, so /graphql
// needs no CORS). In development ui/dev.ts proxies /graphql to the API it starts.
// `npm run build:ui` sets NODE_ENV=production: a NODE_ENV left at `test` by the calling process
// (vitest) would otherwise make Vite and the React plugin bundle React's development build.
export default defineConfig(() => ({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: process.env.UI_API_URL ? { '/graphql': { target: process.env.UI_API_URL, changeOrigin: true } } : undefined,
  },
}));
