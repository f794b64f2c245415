// Builds the web app (entry src/app/index.html → main.tsx) into dist/web, which the server serves.
// In development the Vite server forwards the API to the Fastify server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./src/app', import.meta.url)),
  plugins: [react()],
  build: {
    // Relative to root: /work/main/dist/web.
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/, tags: ['$initial'] },
            { name: 'vendor', test: /node_modules/, tags: ['$initial'] },
            // What only lazily loaded pages need (recharts and @mantine/charts for the staffing profile).
            { name: 'charts', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
