import { execFile } from 'node:child_process';
import { cpSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { databaseFile, openDatabase } from '../../../server/db/client';
import { countItems } from '../../../server/realtime/rebase';
import { createSqliteDocStore } from '../../../server/realtime/sqliteDocStore';
import { memberDocName, workshopDocName } from '../../../shared/docNames';
import { serverCommand } from '../cpuSplit';
import { startOursServer } from '../servers/targets';
import { type DocSocket, openDocSocket } from '../setup/docSocket';
import { mapLimit, OursApi } from '../setup/oursApi';
import { sampleProcess, writtenBytes } from '../stats';

export interface DayLongResult {
  members: number;
  ratingChanges: number;
  comments: number;
  buildSeconds: number;
  /** Bytes the server process wrote (wchar: SQLite WAL + checkpoints + the little it logs) per accepted edit. */
  bytesWrittenPerEdit: number;
  /** Sum of the workshop's stored snapshots + log entries (workshop doc + member docs). */
  storedBytes: number;
  storedRows: number;
  workshopDocBytes: number;
  workshopDocGzipBytes: number;
  /** Tombstones and live items of the workshop doc as the day left it. */
  workshopDocTombstones: number;
  workshopDocLiveItems: number;
  /** The same after the first load re-based it (SYNC64); equal to the above if it did not. */
  rebased: { workshopDocBytes: number; workshopDocGzipBytes: number; workshopDocTombstones: number; storedBytes: number };
  databaseFileBytes: number;
  firstLoadMs: number;
  warmLoadMedianMs: number;
  warmLoadMinMs: number;
  /** Median of the 10 loads right after the first, while the JIT still warms up (untimed before item 23). */
  earlyLoadMedianMs: number;
  /** Docs the load itself opened (1: the stored workshop doc was in step, SYNC60). */
  roomsAfterLoad: number;
  /** Loading and attaching every member doc afterwards (what a reveal or the first reaction costs once). */
  allMembersMedianMs: number;
  roomsWithAllMembers: number;
  heapPerWorkshopBytes: number;
  /** Restarted server: socket open → sync step 2 of the workshop doc (room loaded from the DB). */
  firstSyncOverWsMs: number;
  /** Restarted server: RSS growth when that one workshop is opened by one viewer. */
  rssGrowthOnOpenBytes: number;
}

const DIMENSIONS = [
  'learning-evaluation',
  'curricular-flexibility',
  'workforce-partnerships',
  'student-support',
  'standardization',
  'sharing',
  'systems',
  'digital-readiness',
  'infrastructure-policies-and-processes',
];
const STAGES = ['new-emerging', 'developing', 'effective-practice'];
const TEXT =
  'We looked at the transcript pilot and the employer advisory notes; the evidence is uneven across colleges. ';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A day-long workshop built by driving real edits through our server (30 members × 9 dimensions ×
 * `changesPerDimension` rating changes, plus `comments` comments), then measured at rest: stored
 * size, bytes written per edit, load time through the server's own WorkshopGroup.load, memory.
 */
export async function dayLongWorkshop(opts: {
  members: number;
  changesPerDimension: number;
  comments: number;
  log: (line: string) => void;
}): Promise<DayLongResult> {
  const started = performance.now();
  let { server, dataDir } = await startOursServer();
  const origin = `http://127.0.0.1:${server.port}`;
  let workshopId = '';
  try {
    const room = await new OursApi(origin).createRoom(`day-${Date.now().toString(36)}`, opts.members);
    workshopId = room.workshopId;
    const sockets = await mapLimit(room.members, 8, (m) =>
      openDocSocket(`ws://127.0.0.1:${server.port}/sync/${memberDocName(workshopId, m.memberId)}`, {
        cookie: m.cookie,
        origin,
      }),
    );
    const before = writtenBytes(server.pid);
    let edits = 0;
    // Each member works through its own edits at ~40 messages/s: under the per-connection rate
    // limit (WS_MAX_MESSAGES_PER_SECOND, default 60), as fast as a scripted person could type.
    await Promise.all(
      sockets.map(async (s: DocSocket, i) => {
        const ratings = s.doc.getMap('ratings');
        const comments = s.doc.getMap('comments');
        const myComments = Array.from({ length: opts.comments }, (_, k) => k).filter(
          (k) => k % opts.members === i,
        );
        const total = DIMENSIONS.length * opts.changesPerDimension;
        const commentEvery = Math.max(1, Math.floor(total / Math.max(1, myComments.length)));
        for (let n = 0; n < total; n++) {
          ratings.set(DIMENSIONS[n % DIMENSIONS.length]!, {
            stage: STAGES[(n + i) % STAGES.length]!,
            rationale: `${TEXT.slice(0, 60 + ((n * 7) % 40))} (${n})`,
            updatedAt: Date.now(),
          });
          edits++;
          if (n % commentEvery === 0 && myComments.length > 0) {
            const k = myComments.shift()!;
            comments.set(`c${k}`, {
              dimensionId: DIMENSIONS[k % DIMENSIONS.length]!,
              parentKey: null,
              text: `${TEXT}${TEXT.slice(0, (k * 13) % 100)}`,
              evidence: [],
              createdAt: Date.now(),
              editedAt: null,
              deleted: false,
            });
            edits++;
          }
          await sleep(25);
        }
        for (const k of myComments) {
          comments.set(`c${k}`, {
            dimensionId: DIMENSIONS[k % DIMENSIONS.length]!,
            parentKey: null,
            text: TEXT,
            evidence: [],
            createdAt: Date.now(),
            editedAt: null,
            deleted: false,
          });
          edits++;
          await sleep(25);
        }
      }),
    );
    // Accepted = projected: wait until a viewer's workshop doc shows every comment and rating.
    const viewer = await waitForProjection(server.port, workshopId, room.facilitator.cookie, origin, opts);
    const written = writtenBytes(server.pid) - before;
    viewer.close();
    for (const s of sockets) s.close();
    const buildSeconds = (performance.now() - started) / 1000;
    opts.log(`  day-long workshop: ${edits} edits accepted in ${buildSeconds.toFixed(1)} s`);
    await server.stop(); // SIGTERM: flushes and closes the database cleanly

    const stored = await storedSize(dataDir, workshopId);
    // Its first load re-bases the doc (SYNC64); the loads after it read what that stored.
    const load = await coldLoad(dataDir, workshopId);
    const after = await storedSize(dataDir, workshopId);
    // For investigations (profiling a load): keep a copy of the built workshop's data directory.
    const keep = process.env.BENCH_KEEP_DAYLONG;
    if (keep) {
      cpSync(dataDir, keep, { recursive: true });
      writeFileSync(path.join(keep, 'workshop-id'), workshopId);
    }

    // Restart: how long the first viewer waits, and what one opened day-long workshop costs.
    ({ server } = await startOursServer({ dataDir }));
    await sleep(1500);
    const rssBefore = sampleProcess(server.pid).rssBytes;
    const fresh = await openDocSocket(`ws://127.0.0.1:${server.port}/sync/${workshopDocName(workshopId)}`, {
      cookie: room.facilitator.cookie,
      origin: `http://127.0.0.1:${server.port}`,
    });
    await sleep(1500);
    const rssAfter = sampleProcess(server.pid).rssBytes;
    fresh.close();
    return {
      members: opts.members,
      ratingChanges: opts.members * DIMENSIONS.length * opts.changesPerDimension,
      comments: opts.comments,
      buildSeconds,
      bytesWrittenPerEdit: written / edits,
      ...stored,
      rebased: {
        workshopDocBytes: after.workshopDocBytes,
        workshopDocGzipBytes: after.workshopDocGzipBytes,
        workshopDocTombstones: after.workshopDocTombstones,
        storedBytes: after.storedBytes,
      },
      ...load,
      firstSyncOverWsMs: fresh.syncMillis,
      rssGrowthOnOpenBytes: rssAfter - rssBefore,
    };
  } finally {
    await server.stop();
  }
}

async function waitForProjection(
  port: number,
  workshopId: string,
  cookie: string,
  origin: string,
  opts: { members: number; comments: number },
): Promise<DocSocket> {
  const viewer = await openDocSocket(`ws://127.0.0.1:${port}/sync/${workshopDocName(workshopId)}`, {
    cookie,
    origin,
  });
  const deadline = Date.now() + 30_000;
  const want = { comments: opts.comments, ratings: opts.members * DIMENSIONS.length };
  for (;;) {
    const got = { comments: viewer.doc.getMap('comments').size, ratings: viewer.doc.getMap('ratings').size };
    if (got.comments >= want.comments && got.ratings >= want.ratings) return viewer;
    if (Date.now() > deadline)
      throw new Error(
        `day-long workshop: projection incomplete after 30 s: ${JSON.stringify({ got, want })}`,
      );
    await sleep(100);
  }
}

async function storedSize(dataDir: string, workshopId: string) {
  const database = openDatabase(databaseFile(dataDir));
  try {
    const store = createSqliteDocStore(database.db, Date.now);
    let storedBytes = 0;
    let storedRows = 0;
    let workshopDocBytes = 0;
    let workshopDocGzipBytes = 0;
    let items = { deleted: 0, live: 0 };
    for (const name of await store.listDocs(workshopDocName(workshopId))) {
      const s = await store.load(name);
      const parts = [...(s.snapshot ? [s.snapshot] : []), ...s.updates];
      storedRows += parts.length;
      for (const p of parts) storedBytes += p.length;
      if (name === workshopDocName(workshopId)) {
        const doc = new Y.Doc();
        for (const p of parts) Y.applyUpdate(doc, p);
        const state = Y.encodeStateAsUpdate(doc);
        workshopDocBytes = state.length;
        workshopDocGzipBytes = gzipSync(state).length;
        items = countItems(doc);
      }
    }
    return {
      storedBytes,
      storedRows,
      workshopDocBytes,
      workshopDocGzipBytes,
      workshopDocTombstones: items.deleted,
      workshopDocLiveItems: items.live,
      databaseFileBytes: statSync(databaseFile(dataDir)).size,
    };
  } finally {
    database.close();
  }
}

async function coldLoad(dataDir: string, workshopId: string) {
  const entry = path.join(path.dirname(new URL(import.meta.url).pathname), 'loadWorkshop.ts');
  // On the servers' CPUs: loading a workshop is the server's work.
  const command = serverCommand(['--expose-gc', '--import', 'tsx', entry, dataDir, workshopId]);
  const { stdout } = await promisify(execFile)(command.file, command.args, { timeout: 60_000 });
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as {
    firstLoadMs: number;
    warmLoadMedianMs: number;
    warmLoadMinMs: number;
    earlyLoadMedianMs: number;
    roomsAfterLoad: number;
    allMembersMedianMs: number;
    roomsWithAllMembers: number;
    heapPerWorkshopBytes: number;
  };
}
