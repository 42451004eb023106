/** Owners remembered per room: far more than people ever in one room. */
const MAX_OWNERS = 4096;

/**
 * Which user first announced each awareness clientID in a room (SYNC31). A stock provider
 * reconnects under the same clientID; without this, anyone who had seen it could take it over
 * while its owner was away, with a higher clock, and the owner's presence would be ignored when
 * they came back. Bounded: the oldest owners are forgotten first (a Map keeps insertion order).
 */
export class PresenceOwners {
  private readonly owners = new Map<number, string>();

  /** Whether `userId` may announce presence under `clientId`: not if someone else did here first. */
  mayClaim(clientId: number, userId: string): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === userId;
  }

  record(clientId: number, userId: string): void {
    if (this.owners.get(clientId) === userId) return;
    this.owners.set(clientId, userId);
    if (this.owners.size > MAX_OWNERS) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.owners.delete(oldest);
    }
  }
}
