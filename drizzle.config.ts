import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes SQL migrations for the store schema into service/drizzle/. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './service/src/db/schema.ts',
  out: './service/drizzle',
});
