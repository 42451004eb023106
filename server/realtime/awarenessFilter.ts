import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AWARENESS_STATE_MAX_BYTES, type AwarenessState, type AwarenessUser } from '../../shared/awareness';

export type AwarenessVerdict =
  | {
      ok: true;
      /** The connection's own entry, rewritten (null if the update held none). */
      own: { clientId: number; update: Uint8Array } | null;
      /** Entries for other clients, dropped. */
      dropped: number;
    }
  | { ok: false; reason: string };

const MAX_ENTRIES = 256;

/**
 * Checks and rewrites a client's awareness update (y-protocols format: count, then per entry
 * clientID, clock, JSON state). Threats it stops:
 * - impersonation: entries for a clientID this connection does not own are dropped — forged
 *   presence, or "removing" someone else. (The stock provider also echoes other clients' states
 *   back to the server, so such entries are normal and not a reason to close.) A connection owns
 *   the first clientID it announces that no one else in the room uses;
 * - spoofed identity: `user` is replaced with the server's view of the member;
 * - bloat: states over AWARENESS_STATE_MAX_BYTES close the connection; unknown fields are dropped.
 */
export function filterAwarenessUpdate(
  bytes: Uint8Array,
  ctx: { ownedClientId: number | null; isKnown: (clientId: number) => boolean; user: AwarenessUser },
): AwarenessVerdict {
  const entries: Array<{ clientId: number; clock: number; json: string }> = [];
  try {
    const d = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(d);
    if (count > MAX_ENTRIES || count * 3 > bytes.length) return { ok: false, reason: `awareness update with ${count} entries` };
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const length = decoding.readVarUint(d);
      if (length > AWARENESS_STATE_MAX_BYTES) return { ok: false, reason: 'awareness state too large' };
      const json = new TextDecoder('utf-8', { fatal: true }).decode(decoding.readUint8Array(d, length));
      if (clientId > 0xffffffff) return { ok: false, reason: 'bad clientID' };
      entries.push({ clientId, clock, json });
    }
    if (decoding.hasContent(d)) return { ok: false, reason: 'trailing bytes after awareness update' };
  } catch {
    return { ok: false, reason: 'undecodable awareness update' };
  }
  let owned = ctx.ownedClientId;
  let own: { clientId: number; update: Uint8Array } | null = null;
  let dropped = 0;
  for (const entry of entries) {
    if (owned === null && !ctx.isKnown(entry.clientId)) owned = entry.clientId;
    if (entry.clientId !== owned || own) {
      dropped++;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.json);
    } catch {
      return { ok: false, reason: 'awareness state is not JSON' };
    }
    let state: AwarenessState | null = null;
    if (parsed !== null) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, reason: 'awareness state not an object' };
      const raw = parsed as Record<string, unknown>;
      state = { user: ctx.user };
      if (typeof raw.dimensionId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.dimensionId)) {
        state.dimensionId = raw.dimensionId;
      } else if (raw.dimensionId === null) state.dimensionId = null;
      if (typeof raw.typing === 'boolean') state.typing = raw.typing;
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(state));
    own = { clientId: entry.clientId, update: encoding.toUint8Array(e) };
  }
  return { ok: true, own, dropped };
}
