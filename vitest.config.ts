import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __AUTOMATION_BUILD__: 'true' },
  test: {
    include: ['src/**/*.test.ts', 'games/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
