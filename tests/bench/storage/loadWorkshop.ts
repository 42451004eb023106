/**
 * Child-process entry: times how our server loads a workshop from its database — the real
 * WorkshopGroup.load (workshop doc + every member doc from the SQLite update log, projector
 * attached) — in a fresh process, then again with the process warm, then the heap each loaded
 * workshop holds. Prints one JSON line. argv: <dataDir> <workshopId>. Needs --expose-gc.
 */
import { loadRubrics } from '../../../rubric/loader';
import { databaseFile, openDatabase } from '../../../server/db/client';
import { consoleRealtimeLog } from '../../../server/realtime/log';
import { PersistQueue } from '../../../server/realtime/persistQueue';
import { createWorkshopProjector } from '../../../server/realtime/projection/workshopProjector';
import { createSqliteDocStore } from '../../../server/realtime/sqliteDocStore';
import { WorkshopGroup } from '../../../server/realtime/workshopGroup';

const [dataDir, workshopId] = process.argv.slice(2);
if (!dataDir || !workshopId) throw new Error('usage: loadWorkshop.ts <dataDir> <workshopId>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const database = openDatabase(databaseFile(dataDir));
const store = createSqliteDocStore(database.db, Date.now);
const deps = {
  db: database.db,
  rubrics: loadRubrics(),
  now: Date.now,
  store,
  queue: new PersistQueue(store),
  log: consoleRealtimeLog('silent'),
  compactEvery: 200,
  createProjector: createWorkshopProjector,
  onPersistFailure: () => {},
};

async function timedLoad(): Promise<[number, WorkshopGroup]> {
  const t = performance.now();
  const group = await WorkshopGroup.load(workshopId!, deps);
  return [performance.now() - t, group];
}

const [firstMs, first] = await timedLoad();
first.destroy();
const warm: number[] = [];
for (let i = 0; i < 15; i++) {
  const [ms, g] = await timedLoad();
  warm.push(ms);
  g.destroy();
}
warm.sort((a, b) => a - b);

// Heap per loaded workshop: K copies held at once, measured between full GCs.
const K = 20;
gc();
const heapBefore = process.memoryUsage().heapUsed;
const held: WorkshopGroup[] = [];
for (let i = 0; i < K; i++) held.push((await timedLoad())[1]);
gc();
const heapAfter = process.memoryUsage().heapUsed;
for (const g of held) g.destroy();
database.close();
console.log(
  JSON.stringify({
    firstLoadMs: firstMs,
    warmLoadMedianMs: warm[Math.floor(warm.length / 2)],
    warmLoadMinMs: warm[0],
    heapPerWorkshopBytes: (heapAfter - heapBefore) / K,
  }),
);
