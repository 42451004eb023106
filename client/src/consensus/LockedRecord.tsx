import type { ConsensusState } from '../../../shared/docs/workshopDoc';

interface Props {
  state: ConsensusState;
  stageName: (stageId: string | null) => string;
}

/** The locked badge — text and an icon, never colour alone — and the sealed record. */
export function LockedBadge({ state }: { state: ConsensusState }) {
  if (state.notAssessedReason !== null && !state.locked) {
    return (
      <span className="badge consensus-badge">
        <span aria-hidden="true">⊘ </span>Not assessed
      </span>
    );
  }
  if (!state.locked) {
    return (
      <span className="badge consensus-badge">
        <span aria-hidden="true">✎ </span>Draft
      </span>
    );
  }
  return (
    <span className="badge consensus-badge consensus-badge--locked">
      <span aria-hidden="true">🔒 </span>Locked
    </span>
  );
}

export function LockedRecord({ state, stageName }: Props) {
  if (state.notAssessedReason !== null && !state.locked) {
    return <p>Not assessed: {state.notAssessedReason}</p>;
  }
  return (
    <dl className="consensus-record">
      <dt>Consensus stage</dt>
      <dd>{stageName(state.stage)}</dd>
      <dt>Rationale</dt>
      <dd className="pre-wrap">{state.rationale || '—'}</dd>
      {state.dissent && (
        <>
          <dt>Dissent</dt>
          <dd className="pre-wrap">{state.dissent}</dd>
        </>
      )}
      {state.nextSteps && (
        <>
          <dt>To reach the next stage</dt>
          <dd className="pre-wrap">{state.nextSteps}</dd>
        </>
      )}
      {state.locked && state.lockedAt !== null && (
        <>
          <dt>Locked</dt>
          <dd>
            {new Date(state.lockedAt).toLocaleString()} (revision {state.revision}, fingerprint{' '}
            <code title={state.contentHash ?? ''}>{state.contentHash?.slice(0, 12)}…</code>)
          </dd>
        </>
      )}
    </dl>
  );
}
