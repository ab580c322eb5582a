import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is built into web/dist and served by Roster itself at `/` (src/console/console.routes.ts).
// `npm run dev:web` serves it with hot reload, proxying the API to a Roster on port 9000.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: { proxy: { '/api/': 'http://127.0.0.1:9000', '/organization-avatar/': 'http://127.0.0.1:9000' } },
});
