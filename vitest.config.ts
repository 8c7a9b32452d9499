import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The workspace's packages resolve to their TypeScript sources (the `@guideline/source` export
// condition), so tests need no build; the packaging tests build and pack them on their own.
const source = '@guideline/source';

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions], externalConditions: [source] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'playground/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A poll waits for a state the page reaches in its own time (a run, a layout, a worker): its default
    // second is a timing assertion on a busy machine. It still fails when the state never comes.
    expect: { poll: { timeout: 15_000 } },
  },
});
