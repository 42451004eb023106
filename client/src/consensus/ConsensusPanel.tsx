import './consensus.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConsensusState } from '../../../shared/docs/workshopDoc';
import { useApiData } from '../api';
import { Button } from '../components';
import { useRoom } from '../room/RoomContext';
import { useConnectionState, useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { ConsensusEditor } from './ConsensusEditor';
import { ConsensusHistory } from './ConsensusHistory';
import { consensusApi } from './consensusApi';
import { LockedBadge, LockedRecord } from './LockedRecord';
import { ReasonDialog } from './ReasonDialog';
import { suggestStage } from './suggestStage';
import { type DraftFields, useDraftAutosave } from './useDraftAutosave';

export interface ConsensusPanelProps {
  workshopId: string;
  dimensionId: string;
  isFacilitator: boolean;
}

/**
 * The consensus of one dimension in the room. Live state comes from the workshop doc (written by
 * the server after each action); the history comes from GET /consensus, refetched whenever the
 * live state's lock, revision or mark changes.
 */
export function ConsensusPanel(props: ConsensusPanelProps) {
  // Keyed by dimension: the draft's local state must never leak from one dimension to the next.
  return <Panel key={props.dimensionId} {...props} />;
}

function Panel({ workshopId, dimensionId, isFacilitator }: ConsensusPanelProps) {
  const { rubric, connection } = useRoom();
  const { phase, workshopLoaded } = useConnectionState(connection);
  const id = useId();
  const ws = useWorkshopDoc(connection);
  const state = useDocSelector(ws, (w) => w.consensus(dimensionId), null as ConsensusState | null, [
    dimensionId,
  ]);
  const currentStages = useDocSelector(
    ws,
    (w) => [...w.ratings(dimensionId).values()].map((r) => r.stage),
    [] as Array<string | null>,
    [dimensionId],
  );
  const names = useDocSelector(ws, (w) => w.members(), new Map());
  const finalized = useDocSelector(ws, (w) => w.meta()?.status === 'finalized', false);
  const revealed = useDocSelector(ws, (w) => w.dimensionState(dimensionId).phase !== 'rating', false, [
    dimensionId,
  ]);
  const signal = `${state?.locked}:${state?.revision}:${state?.notAssessedReason}`;
  const history = useApiData(() => consensusApi.list(workshopId), [workshopId, signal]);
  const record = history.data?.dimensions.find((d) => d.dimensionId === dimensionId);
  const [unlockOpen, setUnlockOpen] = useState(false);

  const stageIds = rubric.stages.map((s) => s.id);
  const suggested = suggestStage(currentStages, stageIds);
  const stageName = (s: string | null) =>
    s ? (rubric.stages.find((x) => x.id === s)?.label ?? s) : 'none yet';
  const nameOf = (memberId: string | null) =>
    memberId ? (names.get(memberId)?.name ?? 'A former member') : 'The system';
  const dimensionTitle =
    rubric.categories.flatMap((c) => c.dimensions).find((d) => d.id === dimensionId)?.title ?? dimensionId;
  const remote = useMemo<DraftFields | null>(
    () =>
      state?.stage
        ? {
            stage: state.stage,
            rationale: state.rationale,
            dissent: state.dissent,
            nextSteps: state.nextSteps,
          }
        : null,
    [state?.stage, state?.rationale, state?.dissent, state?.nextSteps],
  );
  const locked = state?.locked ?? false;
  const notAssessed = !locked && state?.notAssessedReason != null;
  const editable = isFacilitator && !locked && !notAssessed && !finalized;
  const draft = useDraftAutosave({
    workshopId,
    dimensionId,
    remote,
    initialStage: suggested ?? '',
    member: connection.member,
    canSave: editable && workshopLoaded,
    online: phase === 'online',
  });

  // My lock, unlock or "not assessed" replaces the control that had focus (WCAG 2.4.3): once the new
  // state has arrived and no dialog is open (an open modal would take focus back, and its closing
  // would restore focus to a button that is gone), focus moves to the heading, which names the new
  // state ("Consensus 🔒 Locked").
  const heading = useRef<HTMLHeadingElement>(null);
  const stateKey = `${locked}:${notAssessed}`;
  const focusWhenLeaving = useRef<string | null>(null);
  useEffect(() => {
    if (focusWhenLeaving.current === null || focusWhenLeaving.current === stateKey || unlockOpen) return;
    focusWhenLeaving.current = null;
    heading.current?.focus();
  }, [stateKey, unlockOpen]);
  const changeState = (action: () => Promise<unknown>) => {
    focusWhenLeaving.current = stateKey;
    return action().then(
      () => undefined,
      (err: unknown) => {
        focusWhenLeaving.current = null;
        throw err;
      },
    );
  };

  return (
    <section className="consensus-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Consensus {state && <LockedBadge state={state} />}
      </h3>
      {finalized && <p>This workshop is finalized: its results are read-only.</p>}
      {editable ? (
        <ConsensusEditor
          draft={draft}
          stages={rubric.stages}
          suggested={suggested}
          dimensionTitle={dimensionTitle}
          hasSavedDraft={Boolean(state?.stage)}
          revealed={revealed}
          onLock={() => changeState(() => consensusApi.lock(workshopId, dimensionId))}
          onMarkNotAssessed={(reason) =>
            changeState(() => consensusApi.markNotAssessed(workshopId, dimensionId, reason))
          }
        />
      ) : state ? (
        <LockedRecord state={state} stageName={stageName} />
      ) : (
        <p className="muted">No consensus recorded yet.</p>
      )}
      {isFacilitator && !finalized && locked && (
        <Button variant="secondary" onPress={() => setUnlockOpen(true)}>
          Unlock…
        </Button>
      )}
      {isFacilitator && !finalized && notAssessed && (
        <Button
          variant="secondary"
          onPress={() =>
            void changeState(() => consensusApi.clearNotAssessed(workshopId, dimensionId)).catch(() =>
              history.reload(),
            )
          }
        >
          Assess this dimension after all
        </Button>
      )}
      <ReasonDialog
        isOpen={unlockOpen}
        onOpenChange={setUnlockOpen}
        title="Unlock this consensus?"
        explanation="Unlocking starts a new revision. The locked record stays in the history, with your reason."
        confirmLabel="Unlock"
        onConfirm={(reason) => changeState(() => consensusApi.unlock(workshopId, dimensionId, reason))}
      />
      <ConsensusHistory record={record} nameOf={nameOf} stageName={stageName} headingId={`${id}-hist`} />
    </section>
  );
}
