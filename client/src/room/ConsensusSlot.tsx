import { ConsensusPanel } from '../consensus/ConsensusPanel';

/**
 * The consensus team's panel (client/src/consensus), embedded in the dimension view. A seam of its
 * own so the room does not depend on the panel's internals.
 */
export function ConsensusSlot(props: { workshopId: string; dimensionId: string; isFacilitator: boolean }) {
  return <ConsensusPanel {...props} />;
}
