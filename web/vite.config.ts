import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web shell lives in web/; the API server serves web/dist in production (SPA fallback to index.html).
const root = fileURLToPath(new URL('.', import.meta.url));
// The API server the dev server sends /api to: `npm run dev` runs both, on PORT (default 3000).
const api = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written (the bundle test reads them) but not referenced, and the server does not serve them.
    sourcemap: 'hidden',
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
});
