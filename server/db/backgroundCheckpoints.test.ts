import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../../tests/helpers/waitFor';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from './backgroundCheckpoints';
import { type Database_, openDatabase } from './client';

const BLOB = 4096;

describe('background WAL checkpoints', () => {
  let dir: string;
  let file: string;
  const opened: Database_[] = [];
  const open = (options?: { backgroundCheckpoints?: boolean }) => {
    const database = openDatabase(file, options);
    opened.push(database);
    return database;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-checkpoints-'));
    file = path.join(dir, 'ler.db');
  });
  afterEach(() => {
    for (const database of opened.splice(0)) if (database.sqlite.open) database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  /** One autocommit transaction per row, like the doc store's appends. */
  function insertRows(database: Database_, count: number, from = 0) {
    database.sqlite.exec('CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = database.sqlite.prepare('INSERT INTO scratch (id, data) VALUES (?, ?)');
    for (let i = from; i < from + count; i++) insert.run(i, Buffer.alloc(BLOB, i % 251));
  }

  /** True once the database file holds every page the connection sees, i.e. a checkpoint copied them. */
  function fileCaughtUp(database: Database_) {
    const pages = database.sqlite.pragma('page_count', { simple: true }) as number;
    const pageSize = database.sqlite.pragma('page_size', { simple: true }) as number;
    return fs.statSync(file).size >= pages * pageSize;
  }

  /** WAL header salt-1: SQLite changes it each time the WAL starts over from its beginning. */
  function walSalt() {
    const fd = fs.openSync(`${file}-wal`, 'r');
    try {
      const header = Buffer.alloc(4);
      fs.readSync(fd, header, 0, 4, 16);
      return header.readUInt32BE(0);
    } finally {
      fs.closeSync(fd);
    }
  }

  it('copies the WAL into the database file off the main thread, and the WAL starts over', async () => {
    const database = open({ backgroundCheckpoints: true });
    expect(database.checkpoints).toBeDefined();
    // Only the background thread can checkpoint here: the main connection would not before 10,000
    // WAL pages, and each batch below is ~1,600 (over the default 1,000).
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(
      FALLBACK_AUTOCHECKPOINT_PAGES,
    );
    const batches = 6;
    const perBatch = 500;
    let next = 0;
    let oneBatchWal = 0;
    for (let b = 0; b < batches; b++) {
      insertRows(database, perBatch, next);
      next += perBatch;
      if (b === 0) oneBatchWal = fs.statSync(`${file}-wal`).size;
      expect(fileCaughtUp(database)).toBe(false);
      await waitFor(() => fileCaughtUp(database), {
        what: `batch ${b} copied into the file`,
        timeoutMs: 5_000,
      });
      // A commit that begins after a complete checkpoint starts the WAL over; small commits like the
      // doc store's, until one does.
      const salt = walSalt();
      await waitFor(
        () => {
          if (walSalt() !== salt) return true;
          insertRows(database, 1, next++);
          return false;
        },
        { what: `WAL started over after batch ${b}`, timeoutMs: 5_000 },
      );
    }
    // So the WAL file holds about one batch, not all six.
    expect(fs.statSync(`${file}-wal`).size).toBeLessThan(oneBatchWal * 1.5);
  });

  it('close() stops the thread before closing the main connection, and nothing is lost', async () => {
    const database = open({ backgroundCheckpoints: true });
    insertRows(database, 500);
    // The worker's connection is open once it has checkpointed.
    await waitFor(() => fileCaughtUp(database), { what: 'first background checkpoint' });
    const worker = database.checkpoints!.worker;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    database.close();
    // SQLite removes the WAL only when the last connection closes after a full checkpoint: the
    // worker's connection was already closed.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(await exited).toBe(0); // it ended by itself, not by terminate()

    const reopened = open();
    expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 500 });
    const row = reopened.sqlite.prepare('SELECT data FROM scratch WHERE id = 499').get() as { data: Buffer };
    expect(row.data.equals(Buffer.alloc(BLOB, 499 % 251))).toBe(true);
  });

  it('if the thread dies, says so once on stderr and the database keeps working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const database = open({ backgroundCheckpoints: true });
    insertRows(database, 300);
    await waitFor(() => fileCaughtUp(database), { what: 'first background checkpoint' });
    await database.checkpoints!.worker.terminate();
    await waitFor(() => errors.mock.calls.length > 0, { what: 'error logged' });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toContain('background WAL checkpoints stopped');
    insertRows(database, 10, 300);
    database.close(); // does not wait for the dead thread; its connection closed with it
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('starts no thread by default or for :memory:', () => {
    const plain = open();
    expect(plain.checkpoints).toBeUndefined();
    expect(plain.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const memory = openDatabase(':memory:', { backgroundCheckpoints: true });
    opened.push(memory);
    expect(memory.checkpoints).toBeUndefined();
  });
});
