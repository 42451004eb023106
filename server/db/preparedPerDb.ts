import type { Db } from './client';

/**
 * A query prepared once per database handle. Building a query with drizzle's builder costs about a
 * tenth of a millisecond each time (the workshop row a load reads: 0.18 ms built, 0.015 ms
 * prepared), and loading a workshop's facts ran eight such queries — a fifth of a workshop load
 * (docs/benchmarks.md, item 28). Use it for queries on paths that run often; a transaction handle
 * gets its own statements, kept only as long as the handle.
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let prepared = byDb.get(db);
    if (prepared === undefined) {
      prepared = prepare(db);
      byDb.set(db, prepared);
    }
    return prepared;
  };
}
