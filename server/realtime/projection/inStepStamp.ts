import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import type * as Y from 'yjs';
import type { WorkshopFacts } from './loadFacts';

/**
 * Raise when a change to the projection rules makes what an earlier version wrote out of date:
 * every stored workshop doc then counts as not in step, and its first load re-projects everyone.
 */
const PROJECTION_RULES_VERSION = 1;

/** The workshop doc's key (in its `projection` map) that holds the stamp. */
export const IN_STEP_KEY = 'inStepWith';

/**
 * A digest of every database fact the member-derived entries depend on: who contributes, which
 * dimensions are revealed or frozen, and what counts as a rating. The projector writes it into the
 * workshop doc, in the same transaction, whenever that doc is known to hold exactly what every
 * contributor's own doc projects to under these facts, and deletes it whenever that stops being
 * known. A load that finds the stamp equal to the current facts' can trust the stored doc for
 * members whose docs it has not loaded (SYNC60).
 */
export function memberFactsStamp(facts: WorkshopFacts): string {
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  const material = JSON.stringify([
    PROJECTION_RULES_VERSION,
    sorted(facts.contributorIds),
    sorted(facts.reveals.keys()),
    sorted(facts.frozen),
    facts.meta.rubricId,
    facts.meta.rubricVersion,
    facts.rules.dimensionIds,
    facts.rubric.stages.map((s) => s.id),
    facts.settings.allowNotSure,
  ]);
  return encodeBase64urlNoPadding(sha256(new TextEncoder().encode(material)));
}

export function readStamp(projection: Y.Map<unknown>): string | null {
  const value = projection.get(IN_STEP_KEY);
  return typeof value === 'string' ? value : null;
}

/** Call inside a transaction; writes only when the value changes. */
export function writeStamp(projection: Y.Map<unknown>, stamp: string | null): void {
  if (readStamp(projection) === stamp) return;
  if (stamp === null) projection.delete(IN_STEP_KEY);
  else projection.set(IN_STEP_KEY, stamp);
}
