/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const backend = process.env.BENCHDECK_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // Spring Boot serves classpath:/META-INF/resources/ at "/", so the jar carries the dashboard.
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: backend, ws: true, changeOrigin: true },
      '/actuator': { target: backend, changeOrigin: true },
      // OIDC sign-in: the server's flow start and the provider's way back
      '/oauth2': { target: backend },
      '/login/oauth2': { target: backend },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/testing/setup-tests.ts'],
    css: false,
    // Form tests type key by key; on a busy 2-core machine that can take longer than the default 5 s.
    testTimeout: 20_000,
  },
});
