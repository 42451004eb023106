import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildServer, bundleNodeProgram, serverBuildIsStale, serverEntry } from '../../../scripts/build-server.mjs';
import { memberDocName, workshopDocName } from '../../../shared/docNames';
import type { ClientSpec, ServerKind } from '../clients/types';
import { type BenchRoom, mapLimit, OursApi } from '../setup/oursApi';
import { type RunningServer, spawnServer } from './spawnServer';

export interface Shape {
  rooms: number;
  clients: number;
  /** Clients per room that run the stock provider and decode (the rest are light). */
  decodePerRoom: number;
}

export interface Target {
  kind: ServerKind;
  /** How results name this server when not by its kind: 'baseline' for --baseline's build of ours. */
  name?: string;
  label: string;
  server: RunningServer;
  specs: ClientSpec[];
  /** Extra facts for the report (e.g. where the data went). */
  notes: string[];
}

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const WORK_DIR = path.resolve(HERE, '..', '.work');

const scratchDirs: string[] = [];

/** A fresh scratch folder under WORK_DIR, which is gitignored and so absent from a clean clone. */
function scratchDir(prefix: string): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_DIR, prefix));
  scratchDirs.push(dir);
  return dir;
}

/** Deletes the servers' data folders of this run (each full run used to leave ~50 MB behind). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A reference client's key suffix: the same length as our member ids (21 chars) so the reference
 * keys are as large as ours. Each slice (slices.ts) writes keys of its own: a slice's clients
 * write from fresh private docs that do not know the entries an earlier slice left under a key, so
 * their sets would race those entries and lose about half the time — relayed without the marker.
 */
function memberLikeId(index: number, slice: number): string {
  return `:m${slice}${String(index).padStart(19, '0')}`;
}

/** Slices are numbered by one digit in reference keys. */
export const MAX_SLICES = 10;

/** The clients of a slice: the references' keys renamed for it (see memberLikeId); ours unchanged. */
export function specsForSlice(specs: readonly ClientSpec[], slice: number): ClientSpec[] {
  if (slice < 0 || slice >= MAX_SLICES) throw new Error(`slice ${slice}: at most ${MAX_SLICES} slices`);
  return specs.map((s) => (s.server === 'ours' ? s : { ...s, keySuffix: memberLikeId(s.index, slice) }));
}

function referenceSpecs(
  kind: ServerKind,
  base: string,
  shape: Shape,
  docUrl: (doc: string) => string,
): ClientSpec[] {
  const specs: ClientSpec[] = [];
  for (let r = 0; r < shape.rooms; r++) {
    const docName = `bench-room-${r}`;
    for (let c = 0; c < shape.clients; c++) {
      const index = specs.length + 1;
      specs.push({
        index,
        room: r,
        server: kind,
        decode: c < shape.decodePerRoom,
        read: { url: docUrl(docName), docName },
        providerBase: base,
        headers: {},
        keySuffix: memberLikeId(index, 0),
      });
    }
  }
  return specs;
}

/**
 * A reference server's TypeScript entry bundled into a scratch folder, so it runs as plain `node`
 * like ours (under `--import tsx` each would carry ~32 MB of RSS for tsx's loader thread).
 */
async function builtReference(file: string): Promise<string> {
  const outDir = scratchDir('reference-');
  await bundleNodeProgram({ entry: path.join(HERE, file), outDir, name: 'server' });
  return path.join(outDir, 'server.mjs');
}

export async function startRelay(shape: Shape): Promise<Target> {
  const server = await spawnServer({
    name: 'relay',
    entry: await builtReference('relayServer.ts'),
    readyLine: /^READY (\d+)/,
  });
  const base = `ws://127.0.0.1:${server.port}`;
  return {
    kind: 'relay',
    label: 'y-websocket relay (@y/websocket-server 0.1.1, memory)',
    server,
    specs: referenceSpecs('relay', base, shape, (doc) => `${base}/${doc}`),
    notes: [],
  };
}

export async function startHocuspocus(shape: Shape): Promise<Target> {
  const dir = scratchDir('hocuspocus-');
  const server = await spawnServer({
    name: 'hocuspocus',
    entry: await builtReference('hocuspocusServer.ts'),
    args: [path.join(dir, 'hocuspocus.sqlite')],
    readyLine: /^READY (\d+)/,
  });
  const base = `ws://127.0.0.1:${server.port}`;
  return {
    kind: 'hocuspocus',
    label: 'Hocuspocus 4.7.0 + extension-sqlite',
    server,
    // One socket per doc, like a browser tab with one provider: the URL is the same for every doc.
    specs: referenceSpecs('hocuspocus', base, shape, () => base),
    notes: [],
  };
}

export interface OursOptions {
  /** Extra node flags for our server, e.g. --cpu-prof. */
  nodeArgs?: string[];
  dataDir?: string;
  /** A checkout of another commit to run our server from (--baseline); default: this one. */
  root?: string;
}

/**
 * Our server exactly as `npm start` runs it (the built dist/server/index.mjs, rebuilt first if its
 * sources are newer), on a fresh DATA_DIR. A baseline checkout is built the same way; one from
 * before the server had a build runs its server/index.ts under tsx.
 */
export async function startOursServer(
  opts: OursOptions = {},
): Promise<{ server: RunningServer; dataDir: string }> {
  const dataDir = opts.dataDir ?? scratchDir('ours-data-');
  const root = opts.root ?? path.resolve(HERE, '../../..');
  const buildable = existsSync(path.join(root, 'scripts', 'build-server.mjs'));
  if (buildable && serverBuildIsStale(root)) await buildServer(root);
  const server = await spawnServer({
    name: 'ours',
    entry: buildable ? serverEntry(root) : path.join(root, 'server', 'index.ts'),
    nodeArgs: opts.nodeArgs,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_ORIGIN: '',
      // Every benchmark client joins from 127.0.0.1; a real room joins from many addresses.
      INVITE_MAX_PER_IP_PER_MINUTE: '1000000',
      LOGIN_MAX_PER_IP: '1000000',
      // 50 facilitators sign up (one per room) from the same address.
      SIGNUP_MAX_PER_IP: '1000000',
    },
    readyLine: /listening on http:\/\/localhost:(\d+)/,
    timeoutMs: 60_000,
  });
  return { server, dataDir };
}

export async function startOurs(shape: Shape, opts: OursOptions = {}): Promise<Target> {
  const { server, dataDir } = await startOursServer(opts);
  const origin = `http://127.0.0.1:${server.port}`;
  const api = new OursApi(origin);
  const runId = Date.now().toString(36);
  let rooms: BenchRoom[];
  try {
    rooms = await mapLimit(
      Array.from({ length: shape.rooms }, (_, r) => r),
      4,
      (r) => api.createRoom(`r${r}-${runId}`, shape.clients),
    );
  } catch (err) {
    // Without this a failed setup (e.g. a 429) left our server running after the bench exited.
    await server.stop();
    throw err;
  }
  const base = `ws://127.0.0.1:${server.port}/sync`;
  const specs: ClientSpec[] = [];
  rooms.forEach((room, r) => {
    room.members.forEach((m, c) => {
      specs.push({
        index: specs.length + 1,
        room: r,
        server: 'ours',
        decode: c < shape.decodePerRoom,
        read: {
          url: `${base}/${workshopDocName(room.workshopId)}`,
          docName: workshopDocName(room.workshopId),
        },
        write: {
          url: `${base}/${memberDocName(room.workshopId, m.memberId)}`,
          docName: memberDocName(room.workshopId, m.memberId),
        },
        providerBase: base,
        headers: { cookie: m.cookie, origin },
        keySuffix: '',
      });
    });
  });
  return {
    kind: 'ours',
    label: 'ours (dist/server/index.mjs as npm start runs it: auth, projection, SQLite log)',
    server,
    specs,
    notes: [`DATA_DIR ${dataDir}`],
  };
}
