/**
 * Child-process entry: the plain y-websocket relay — @y/websocket-server 0.1.1's own
 * setupWSConnection, in memory, no persistence, no auth. The reference for "just relaying".
 * (0.1.1 only: later versions moved to the yjs 14 pre-release and do not install; see STACK-NOTES.)
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('relay');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    // The doc name is the URL path, as the stock provider builds it (base + '/' + name).
    const docName = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    setupWSConnection(ws, req, { docName, gc: true });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
