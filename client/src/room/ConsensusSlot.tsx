/**
 * SLOT for the consensus team's `ConsensusPanel` (client/src/consensus, props {workshopId,
 * dimensionId, isFacilitator}). Until it exists this renders nothing; replace the body with
 * `<ConsensusPanel {...props} />` once it is exported.
 */
export function ConsensusSlot(_props: { workshopId: string; dimensionId: string; isFacilitator: boolean }) {
  return null;
}
