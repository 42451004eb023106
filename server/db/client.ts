import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type BackgroundCheckpoints, startBackgroundCheckpoints } from './backgroundCheckpoints';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Database_ {
  db: Db;
  /** The raw connection, for the few things drizzle does not express (pragmas, triggers in tests). */
  sqlite: Database.Database;
  /** The checkpointing thread when opened with `backgroundCheckpoints` (tests watch it). */
  checkpoints?: BackgroundCheckpoints;
  close(): void;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) the SQLite database and applies every committed migration.
 * `:memory:` gives a private in-memory database (tests).
 * `backgroundCheckpoints` (the real server): WAL checkpoints run in a worker thread instead of
 * synchronously inside whichever commit crosses the autocheckpoint threshold (backgroundCheckpoints.ts).
 */
export function openDatabase(file: string, options: { backgroundCheckpoints?: boolean } = {}): Database_ {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL: readers never block the writer; synchronous=NORMAL is durable across process crashes
  // (kill -9) in WAL mode — only an OS crash/power loss can lose the last transactions.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  const checkpoints =
    options.backgroundCheckpoints && file !== ':memory:'
      ? startBackgroundCheckpoints(sqlite, file)
      : undefined;
  return {
    db,
    sqlite,
    checkpoints,
    close: () => {
      // The worker's connection first, so this close is the last one: final checkpoint, WAL removed.
      checkpoints?.stop();
      sqlite.close();
    },
  };
}

export function databaseFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'ler.db');
}
