import { splitKey } from '../../../shared/docs/workshopDoc';
import { diffMap } from './diffMap';
import { projectMembers } from './projectMembers';
import type { ProjectorContext } from './projectorContext';
import { projectDimensions, projectFirstRound, projectFocus, projectMeta } from './projectRoom';

/**
 * The database-owned maps, and (PROJ6) removing the entries of members who no longer contribute.
 * That scan of every member-derived key is skipped when the doc is in step with these very facts:
 * it then holds no such entries (a day-long workshop's load spent a tenth of its time there).
 */
export function projectFacts(ctx: ProjectorContext, contributorsMayHaveChanged: boolean): void {
  const { facts, map, lockedByKey, lockedByValue } = ctx;
  const all = { owns: () => true };
  diffMap(map('meta'), projectMeta(facts), all);
  diffMap(map('members'), projectMembers(facts), all);
  diffMap(map('dimensions'), projectDimensions(facts), all);
  diffMap(map('firstRound'), projectFirstRound(facts), { owns: () => true, frozen: lockedByKey });
  diffMap(map('consensus'), facts.consensus, all);
  diffMap(map('focus'), projectFocus(facts), all);
  if (!contributorsMayHaveChanged) return;
  // PROJ6: entries of removed (or unknown) members leave the doc, except where a lock froze them.
  const stranger = (memberId: string) => !facts.contributorIds.has(memberId);
  const none = new Map<string, never>();
  diffMap(map('rated'), none, { owns: (k) => stranger(splitKey(k)[1]), frozen: lockedByKey });
  diffMap(map('ratings'), none, { owns: (k) => stranger(splitKey(k)[1]), frozen: lockedByKey });
  diffMap(map('evidence'), none, { owns: (k) => stranger(splitKey(k)[0]), frozen: lockedByValue });
  diffMap(map('comments'), none, { owns: (k) => stranger(splitKey(k)[0]), frozen: lockedByValue });
}
