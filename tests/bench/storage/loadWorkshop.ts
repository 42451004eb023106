/**
 * Child-process entry: times how our server loads a workshop from its database — the real
 * WorkshopGroup.load (the workshop doc from the SQLite update log, projector attached; member docs
 * only if the stored doc is not in step, SYNC60) — in a fresh process, then again with the process
 * warm; then what loading every member doc afterwards costs (a reveal, the first reaction); then
 * the heap each loaded idle workshop holds. Prints one JSON line. argv: <dataDir> <workshopId>.
 * Needs --expose-gc.
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
  rebaseAfterTombstones: 1000,
  maxDocBytes: 8 * 1024 * 1024,
  createProjector: createWorkshopProjector,
  onPersistFailure: () => {},
};

async function timedLoad(): Promise<[number, WorkshopGroup]> {
  const t = performance.now();
  const group = await WorkshopGroup.load(workshopId!, deps);
  return [performance.now() - t, group];
}

const [firstMs, first] = await timedLoad();
const roomsAfterLoad = first.rooms().length;
first.destroy();
// Warm: a long-running server has loaded many docs, so Yjs's decoder is optimized by then. The 10
// loads right after the first still run partly unoptimized code; they are reported on their own.
const early: number[] = [];
for (let i = 0; i < 10; i++) {
  const [ms, g] = await timedLoad();
  early.push(ms);
  g.destroy();
}
early.sort((a, b) => a - b);
const warm: number[] = [];
for (let i = 0; i < 15; i++) {
  const [ms, g] = await timedLoad();
  warm.push(ms);
  g.destroy();
}
// A separate loop: loading every member doc allocates several times what a load does, and
// interleaved with the timed loads it would decide when their scavenges fall.
const allMembers: number[] = [];
let roomsWithAllMembers = 0;
for (let i = 0; i < 15; i++) {
  const [, g] = await timedLoad();
  const t = performance.now();
  await g.loadAllMembers();
  allMembers.push(performance.now() - t);
  roomsWithAllMembers = g.rooms().length;
  g.destroy();
}
warm.sort((a, b) => a - b);
allMembers.sort((a, b) => a - b);

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
    earlyLoadMedianMs: early[Math.floor(early.length / 2)],
    roomsAfterLoad,
    allMembersMedianMs: allMembers[Math.floor(allMembers.length / 2)],
    roomsWithAllMembers,
    heapPerWorkshopBytes: (heapAfter - heapBefore) / K,
  }),
);
