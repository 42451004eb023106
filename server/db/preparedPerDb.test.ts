import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database_, openDatabase } from './client';
import { preparedPerDb } from './preparedPerDb';
import { yjsUpdates } from './schema';

describe('preparedPerDb', () => {
  const opened: Database_[] = [];
  afterEach(() => {
    for (const d of opened.splice(0)) d.close();
  });
  const open = () => {
    const d = openDatabase(':memory:');
    opened.push(d);
    return d.db;
  };

  it('prepares once per database and reads rows written after it was prepared', () => {
    let prepared = 0;
    const updatesOf = preparedPerDb((db) => {
      prepared++;
      return db
        .select({ id: yjsUpdates.id })
        .from(yjsUpdates)
        .where(eq(yjsUpdates.docName, sql.placeholder('docName')))
        .prepare();
    });
    const a = open();
    const b = open();
    expect(updatesOf(a).all({ docName: 'x' })).toEqual([]);
    a.insert(yjsUpdates)
      .values({ docName: 'x', id: 1, update: Buffer.from([1]), createdAt: 1 })
      .run();
    expect(updatesOf(a).all({ docName: 'x' })).toHaveLength(1);
    expect(updatesOf(a).all({ docName: 'y' })).toEqual([]);
    expect(updatesOf(b).all({ docName: 'x' })).toEqual([]);
    expect(updatesOf(a)).toBe(updatesOf(a));
    expect(prepared).toBe(2);
  });
});
