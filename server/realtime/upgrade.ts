import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { type DocAddress, parseDocName } from '../../shared/docNames';
import { CloseCode, CloseReason, SYNC_PATH_PREFIX } from '../../shared/protocol';
import type { Config } from '../config';
import { isAllowedOrigin } from '../http/origin';
import type { Principal } from './connection';
import type { KeepAlive } from './keepAlive';
import type { RealtimeLog } from './log';
import type { UpgradeAuthenticator } from './sessionAuth';

export interface UpgradeDeps {
  config: Config;
  wss: WebSocketServer;
  authenticate: UpgradeAuthenticator;
  log: RealtimeLog;
  /** Every upgraded socket is registered here, refused ones included, the moment it exists. */
  keepAlive: KeepAlive;
  /** Called with an authenticated socket on a well-formed doc name; decides access itself. */
  onSocket(ws: WebSocket, principal: Principal, docName: string, address: DocAddress, socket: Duplex): void;
}

function refuseHttp(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The only place a socket comes into existence: it is registered with keep-alive right here, so no
 * caller can forget it (a socket missing from keep-alive is terminated as dead on the next ping).
 */
function accept(deps: UpgradeDeps, req: IncomingMessage, socket: Duplex, head: Buffer, onOpen: (ws: WebSocket) => void) {
  deps.wss.handleUpgrade(req, socket, head, (ws) => {
    deps.keepAlive.track(ws);
    onOpen(ws);
  });
}

/** Completes the upgrade, then closes at once with a named code a browser can read (SYNC01). */
function closeAfterUpgrade(deps: UpgradeDeps, req: IncomingMessage, socket: Duplex, head: Buffer, code: CloseCode) {
  accept(deps, req, socket, head, (ws) => {
    ws.close(code, CloseReason[code]);
    setTimeout(() => ws.terminate(), 1000).unref();
  });
}

/**
 * Handles `upgrade` on the HTTP server. Order matters:
 * 1. only `/sync/<docName>` upgrades (others get 404);
 * 2. the Origin must be the app's own — a foreign page cannot ride the user's cookie (cross-site
 *    websocket hijacking) — else 403 before any upgrade;
 * 3. the session cookie must be valid, else 4401; the doc name must parse, else 4404;
 * then `onSocket` checks membership and limits. All of this is synchronous, before any frame is read.
 */
export function handleUpgrade(deps: UpgradeDeps, req: IncomingMessage, socket: Duplex, head: Buffer) {
  socket.on('error', (err) => deps.log.debug('upgrade socket error', { error: err.message }));
  const url = req.url ?? '';
  const path = url.split('?')[0]!;
  if (!path.startsWith(SYNC_PATH_PREFIX)) return refuseHttp(socket, 404, 'Not Found');
  if (!isAllowedOrigin(req.headers.origin, req.headers.host, deps.config)) {
    deps.log.info('upgrade refused: origin', { origin: req.headers.origin ?? null });
    return refuseHttp(socket, 403, 'Forbidden');
  }
  const principal = deps.authenticate(req.headers.cookie);
  if (!principal) return closeAfterUpgrade(deps, req, socket, head, CloseCode.unauthenticated);
  let docName: string;
  try {
    docName = decodeURIComponent(path.slice(SYNC_PATH_PREFIX.length));
  } catch {
    return closeAfterUpgrade(deps, req, socket, head, CloseCode.unknownDocument);
  }
  const address = parseDocName(docName);
  if (!address) return closeAfterUpgrade(deps, req, socket, head, CloseCode.unknownDocument);
  accept(deps, req, socket, head, (ws) => deps.onSocket(ws, principal, docName, address, socket));
}
