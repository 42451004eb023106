/**
 * Child-process entry: Hocuspocus with its SQLite persistence (extension-sqlite), default
 * debounce — the reference for "a production Yjs server that persists". DB file from argv[2].
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.argv[2];
if (!database) throw new Error('usage: hocuspocusServer.ts <sqlite file>');
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [new SQLite({ database })],
});
await server.listen();
console.log(`READY ${server.address.port}`);
