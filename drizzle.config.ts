import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/server/*.table.ts',
    './src/platform/server/imports/*.table.ts',
    './src/platform/server/files/*.table.ts',
    './src/modules/*/*.table.ts',
  ],
  out: './drizzle',
  casing: 'snake_case',
});
