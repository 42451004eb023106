import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/audit/listAudit';
import { openDatabase } from '../../server/db/client';

const MIGRATIONS = path.join(import.meta.dirname, '../../server/db/migrations');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A database file as a server running the migrations before `tag` left it: a copy of the folder
 * whose journal stops before `tag`, applied by drizzle's own migrator.
 */
function databaseBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-migrations-'));
  dirs.push(dir);
  const folder = path.join(dir, 'migrations');
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at, `migration ${tag}`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const file = path.join(dir, 'ler.db');
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return file;
}

describe('migrations on an existing database', () => {
  it('AUDIT4: 0006 adds actor_role to a filled audit log; old rows keep null, AUDIT1 triggers still hold', () => {
    const file = databaseBefore('0006_audit_actor_role');
    const old = new Database(file);
    old
      .prepare(
        "insert into audit_log (workshop_id, at, actor_member_id, actor_user_id, action) values ('w1', 1, null, null, 'workshop.create')",
      )
      .run();
    old.close();

    const database = openDatabase(file);
    try {
      expect(database.sqlite.prepare('select actor_role from audit_log').all()).toEqual([
        { actor_role: null },
      ]);
      expect(() => database.sqlite.prepare("update audit_log set actor_role = 'facilitator'").run()).toThrow(
        /append-only/,
      );
      expect(() => database.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
      const page = listAudit(database.db, { workshopId: 'w1', anonymous: false, limit: 10 });
      expect(page.entries).toMatchObject([{ action: 'workshop.create', actor: null }]);
    } finally {
      database.close();
    }
  });
});
