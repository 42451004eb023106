import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/audit/listAudit';
import { openDatabase } from '../../server/db/client';
import { createSqliteDocStore } from '../../server/realtime/sqliteDocStore';

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

  it('SYNC22: 0007 keeps an existing update log, ids included; later appends continue past them', async () => {
    const file = databaseBefore('0007_log_per_doc');
    const old = new Database(file);
    const insert = old.prepare('insert into yjs_updates (doc_name, "update", created_at) values (?, ?, 1)');
    // Interleaved docs, as a running server leaves them; doc b's log was folded through id 2.
    for (const name of ['a', 'b', 'a', 'b', 'a']) insert.run(name, Buffer.from(name));
    old.prepare("insert into yjs_snapshots values ('b', x'00', 4, 1)").run();
    old.prepare("delete from yjs_updates where doc_name = 'b'").run();
    old.close();

    const database = openDatabase(file);
    try {
      const rows = database.sqlite.prepare('select doc_name, id from yjs_updates order by doc_name, id').all();
      expect(rows).toEqual([
        { doc_name: 'a', id: 1 },
        { doc_name: 'a', id: 3 },
        { doc_name: 'a', id: 5 },
      ]);
      // Stored by (doc, id), so a doc's log lies together (docs/benchmarks.md item 39).
      const table = database.sqlite.prepare("select sql from sqlite_master where name = 'yjs_updates'").get();
      expect((table as { sql: string }).sql).toMatch(/PRIMARY KEY\(`doc_name`, `id`\)\s*\) WITHOUT ROWID$/);
      const store = createSqliteDocStore(database.db, () => 2);
      const ids = await store.appendUpdates([
        { docName: 'a', update: new Uint8Array([1]) },
        { docName: 'b', update: new Uint8Array([2]) },
      ]);
      // Past a's newest row, and past b's snapshot mark although b's log is empty.
      expect(ids).toEqual([6, 5]);
      expect((await store.load('b')).updates).toHaveLength(1);
    } finally {
      database.close();
    }
  });
});
