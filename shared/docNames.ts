/**
 * Document names. `workshop:<workshopId>` is the workshop doc (server writes, members read);
 * `workshop:<workshopId>:member:<memberId>` is a member doc (its owner writes, the server reads).
 */
const ID = '[A-Za-z0-9_-]{1,64}';
const WORKSHOP_RE = new RegExp(`^workshop:(${ID})$`);
const MEMBER_RE = new RegExp(`^workshop:(${ID}):member:(${ID})$`);

export type DocAddress =
  | { kind: 'workshop'; workshopId: string }
  | { kind: 'member'; workshopId: string; memberId: string };

export function workshopDocName(workshopId: string): string {
  return `workshop:${workshopId}`;
}

export function memberDocName(workshopId: string, memberId: string): string {
  return `workshop:${workshopId}:member:${memberId}`;
}

/** Parses a doc name; returns null for anything that is not exactly one of the two forms. */
export function parseDocName(name: string): DocAddress | null {
  const w = WORKSHOP_RE.exec(name);
  if (w) return { kind: 'workshop', workshopId: w[1]! };
  const m = MEMBER_RE.exec(name);
  if (m) return { kind: 'member', workshopId: m[1]!, memberId: m[2]! };
  return null;
}
