import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { lockContentHash } from '../../server/consensus/contentHash';
import { saveDraft } from '../../server/consensus/draft';
import { finalizeWorkshop } from '../../server/consensus/finalize';
import { lockConsensus, unlockConsensus } from '../../server/consensus/lock';
import { activeLock } from '../../server/consensus/records';
import { type Database_, openDatabase } from '../../server/db/client';
import { auditLog, consensusLocks, workshops } from '../../server/db/schema';
import { seedWorkshop } from './consensusSeed';

const DIM = 'learning-evaluation';
const open: Database_[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function setup(file = ':memory:') {
  const database = openDatabase(file);
  open.push(database);
  const seed = seedWorkshop(database);
  const actor = seed.facilitator;
  const at = { workshopId: seed.workshopId, dimensionId: DIM, actor, now: 2_000 };
  saveDraft(database, { ...at, input: { stage: 'developing', rationale: 'Pilots in two departments.' } });
  return { database, seed, at };
}

const lockRowSql = 'select * from consensus_locks where id = ?';

describe('consensus store (direct database)', () => {
  it('LOCK3: a raw SQL UPDATE or DELETE of a locked row fails and leaves the row unchanged', () => {
    const { database, at } = setup();
    const lock = lockConsensus(database, { ...at, finalRatings: { m1: 'developing' } });
    const before = database.sqlite.prepare(lockRowSql).get(lock.id);
    expect(() =>
      database.sqlite
        .prepare("update consensus_locks set stage = 'effective-practice' where id = ?")
        .run(lock.id),
    ).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('delete from consensus_locks where id = ?').run(lock.id)).toThrow(
      /append-only/,
    );
    expect(database.sqlite.prepare(lockRowSql).get(lock.id)).toEqual(before);
    // The draft of a locked revision is frozen by a trigger too, not only by the code path.
    expect(() => database.sqlite.prepare("update consensus_drafts set rationale = 'x'").run()).toThrow(
      /locked/,
    );
  });

  it('AUDIT1: the audit log refuses UPDATE and DELETE', () => {
    const { database } = setup();
    const count = () => database.sqlite.prepare('select count(*) as n from audit_log').get();
    const before = count();
    expect(() => database.sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(count()).toEqual(before);
  });

  it('LOCK2: a second lock of the same revision is refused and adds no row', () => {
    const { database, at } = setup();
    lockConsensus(database, { ...at, finalRatings: {} });
    expect(() => lockConsensus(database, { ...at, finalRatings: {} })).toThrow(/already locked/);
    // The UNIQUE index holds even when the application check is bypassed.
    const row = database.db.select().from(consensusLocks).get()!;
    const { id: _id, ...copy } = row;
    expect(() => database.db.insert(consensusLocks).values(copy).run()).toThrow(/UNIQUE/);
    expect(database.db.select().from(consensusLocks).all()).toHaveLength(1);
  });

  it('LOCK4: unlock appends a row, keeps the old lock intact and moves to the next revision', () => {
    const { database, at, seed } = setup();
    const first = lockConsensus(database, { ...at, finalRatings: {} });
    const firstRow = database.sqlite.prepare(lockRowSql).get(first.id);
    expect(unlockConsensus(database, { ...at, reason: 'New evidence from the registrar.' })).toEqual({
      revision: 2,
    });
    expect(activeLock(database.db, seed.workshopId, DIM)).toBeUndefined();
    saveDraft(database, {
      ...at,
      input: { stage: 'effective-practice', rationale: 'Registrar data shows scale.' },
    });
    const second = lockConsensus(database, { ...at, finalRatings: {} });
    expect(second.revision).toBe(2);
    expect(database.sqlite.prepare(lockRowSql).get(first.id)).toEqual(firstRow);
    expect(activeLock(database.db, seed.workshopId, DIM)?.id).toBe(second.id);
    const actions = database.db
      .select({ a: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.a);
    expect(actions).toEqual([
      'consensus.edit',
      'consensus.lock',
      'consensus.unlock',
      'consensus.edit',
      'consensus.lock',
    ]);
  });

  it('LOCK3: the content hash recomputed after closing and reopening the database file is identical', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-consensus-'));
    try {
      const file = path.join(dir, 'ler.db');
      const { database, at } = setup(file);
      const lock = lockConsensus(database, { ...at, finalRatings: { zed: 'effective-practice', abe: null } });
      database.close();
      open.splice(open.indexOf(database), 1);
      const reopened = openDatabase(file);
      open.push(reopened);
      const row = reopened.db.select().from(consensusLocks).where(eq(consensusLocks.id, lock.id)).get()!;
      expect(row.contentHash).toBe(lock.contentHash);
      expect(lockContentHash(row)).toBe(lock.contentHash);
    } finally {
      for (const d of open.splice(0)) d.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('LOCK6: once finalized the database itself refuses consensus writes', () => {
    const { database, at, seed } = setup();
    lockConsensus(database, { ...at, finalRatings: {} });
    database.db.update(workshops).set({ status: 'finalized' }).where(eq(workshops.id, seed.workshopId)).run();
    expect(() =>
      database.sqlite
        .prepare("insert into not_assessed values (?, 'sharing', 'x', 1, ?)")
        .run(seed.workshopId, seed.facilitator.memberId),
    ).toThrow(/finalized/);
    expect(() => unlockConsensus(database, { ...at, reason: 'Too late for this.' })).toThrow(/finalized/);
    expect(() => finalizeWorkshop(database, { ...at, dimensionIds: [DIM] })).toThrow(/finalized/);
  });
});
