import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Engine tests load jieba's dictionaries (about 1.5 s) and browser tests start Chromium.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
