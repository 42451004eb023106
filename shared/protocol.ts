/**
 * Wire constants shared by client and server. The websocket speaks the unmodified y-websocket
 * protocol (message types below are y-websocket's own); what we add are close codes, so a client
 * can tell "sign in again" from "you were removed" from "resync".
 */

/** y-websocket message types (first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes. 1000–1015 are the RFC 6455 ones; 4000–4999 are ours. Keep in step with docs/sync.md.
 */
export const CloseCode = {
  /** The frame exceeded the maximum message size (RFC 6455 "message too big"). */
  messageTooBig: 1009,
  /** Server shutting down; reconnect later. */
  goingAway: 1001,
  /** No valid session cookie: sign in again, then reconnect. */
  unauthenticated: 4401,
  /** The session may not open this document at all. */
  forbidden: 4403,
  /** The document name is not one the server knows. */
  unknownDocument: 4404,
  /** A write was sent to a document this connection may only read. Not applied; resync. */
  readOnly: 4405,
  /** The member was removed from the workshop. */
  memberRemoved: 4410,
  /** The session ended (logout, expiry, invalidation). */
  sessionEnded: 4411,
  /** The frame could not be decoded, or an update was malformed or hostile. */
  malformed: 4400,
  /** Too many messages per second on this connection. */
  rateLimited: 4429,
  /** Too many open connections for this session. */
  tooManyConnections: 4430,
  /** The document would exceed its maximum size. */
  documentTooLarge: 4413,
  /** Messages queued while the room loaded exceeded the queue cap. */
  queueOverflow: 4408,
  /**
   * The client's copy holds history the server's doc does not: the server re-based the doc (SYNC64)
   * or its database was restored from a backup. Discard the copy and open the doc with an empty one.
   */
  staleDocument: 4409,
  /** The client read too slowly: more than the send-buffer cap was waiting for it. Reconnect. */
  tooSlow: 4431,
  /** The server failed while handling this connection; reconnect. */
  internalError: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable reason strings sent with each close code (≤ 123 bytes each, per RFC 6455). */
export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.messageTooBig]: 'message too big',
  [CloseCode.goingAway]: 'server shutting down',
  [CloseCode.unauthenticated]: 'sign in required',
  [CloseCode.forbidden]: 'not allowed to open this document',
  [CloseCode.unknownDocument]: 'unknown document',
  [CloseCode.readOnly]: 'document is read-only for this connection',
  [CloseCode.memberRemoved]: 'removed from the workshop',
  [CloseCode.sessionEnded]: 'session ended',
  [CloseCode.malformed]: 'malformed message',
  [CloseCode.rateLimited]: 'too many messages',
  [CloseCode.tooManyConnections]: 'too many connections',
  [CloseCode.documentTooLarge]: 'document too large',
  [CloseCode.queueOverflow]: 'too many messages while loading',
  [CloseCode.staleDocument]: 'document was replaced: reopen it with an empty copy',
  [CloseCode.tooSlow]: 'client too slow',
  [CloseCode.internalError]: 'internal error',
};

/** Close codes after which reconnecting is pointless until the user acts. */
export const terminalCloseCodes: ReadonlySet<number> = new Set<number>([
  CloseCode.unauthenticated,
  CloseCode.forbidden,
  CloseCode.unknownDocument,
  CloseCode.memberRemoved,
  CloseCode.sessionEnded,
]);

/** The websocket path prefix: ws(s)://HOST/sync/<docName>. */
export const SYNC_PATH_PREFIX = '/sync/';
