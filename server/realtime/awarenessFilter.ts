import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AWARENESS_STATE_MAX_BYTES, type AwarenessState, type AwarenessUser } from '../../shared/awareness';

export type AwarenessVerdict =
  | { ok: true; clientId: number; update: Uint8Array }
  | { ok: false; reason: string };

/**
 * Checks and rewrites a client's awareness update (y-protocols format: count, then per entry
 * clientID, clock, JSON state). Threats it stops:
 * - impersonation: an entry for a clientID this connection does not own (forged presence, or
 *   "removing" someone else) — ownership is claimed by the first entry and must be unclaimed;
 * - spoofed identity: `user` is replaced with the server's view of the member;
 * - bloat: states over AWARENESS_STATE_MAX_BYTES, unknown fields (dropped), more than one entry.
 */
export function filterAwarenessUpdate(
  bytes: Uint8Array,
  ctx: { ownedClientId: number | null; isClaimedByOther: (clientId: number) => boolean; user: AwarenessUser },
): AwarenessVerdict {
  let clientId: number;
  let clock: number;
  let json: string;
  try {
    const d = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(d);
    // The stock provider only ever announces its own doc's client: exactly one entry.
    if (count !== 1) return { ok: false, reason: `awareness update with ${count} entries` };
    clientId = decoding.readVarUint(d);
    clock = decoding.readVarUint(d);
    const length = decoding.readVarUint(d);
    if (length > AWARENESS_STATE_MAX_BYTES) return { ok: false, reason: 'awareness state too large' };
    json = new TextDecoder('utf-8', { fatal: true }).decode(decoding.readUint8Array(d, length));
    if (decoding.hasContent(d)) return { ok: false, reason: 'trailing bytes after awareness update' };
  } catch {
    return { ok: false, reason: 'undecodable awareness update' };
  }
  if (!Number.isSafeInteger(clientId) || clientId > 0xffffffff) return { ok: false, reason: 'bad clientID' };
  if (ctx.ownedClientId !== null && clientId !== ctx.ownedClientId) {
    return { ok: false, reason: `awareness for clientID ${clientId}, connection owns ${ctx.ownedClientId}` };
  }
  if (ctx.ownedClientId === null && ctx.isClaimedByOther(clientId)) {
    return { ok: false, reason: `clientID ${clientId} belongs to another connection` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
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
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return { ok: true, clientId, update: encoding.toUint8Array(e) };
}
