// Vite config of the playground: a static site with relative URLs (works from any folder, no server
// logic), the guideline language worker as an ES module worker, the repo's guidelines/ readable in dev,
// and in the built site a Content-Security-Policy meta tag (no inline script, no eval).
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The built site's policy. Scripts and workers come from the site itself (workers start from a blob: URL
 * that imports their script, so they inherit this policy: see src/workers.ts); styles also inline, as
 * monaco writes <style> elements and style attributes at run time.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy first in the built page's <head> (not in dev: Vite's dev server injects inline styles). */
const cspMeta = (): Plugin => ({
  name: 'guideline-playground-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [cspMeta()],
  // The workspace's packages from their TypeScript sources (their exports' `@guideline/source` condition): no build first.
  resolve: { conditions: ['@guideline/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
});
