import { defineConfig } from 'drizzle-kit';

// Migrations are generated from server/db/schema and committed; the server applies them on start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
  dbCredentials: { url: process.env.DATA_DIR ? `${process.env.DATA_DIR}/ler.db` : './data/ler.db' },
});
