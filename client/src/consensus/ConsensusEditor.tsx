import { useId, useState } from 'react';
import type { RubricStage } from '../../../rubric/schema';
import { Limits } from '../../../shared/domain';
import { Button, Select, TextField } from '../components';
import { LockDialog } from './LockDialog';
import { ReasonDialog } from './ReasonDialog';
import type { DraftFields, SaveStatus, useDraftAutosave } from './useDraftAutosave';

interface Props {
  draft: ReturnType<typeof useDraftAutosave>;
  stages: readonly RubricStage[];
  suggested: string | null;
  dimensionTitle: string;
  /** A draft exists on the server (lock needs one). */
  hasSavedDraft: boolean;
  /** The dimension's ratings were revealed: the server refuses a lock before that (LOCK10). */
  revealed: boolean;
  onLock: () => Promise<void>;
  onMarkNotAssessed: (reason: string) => Promise<void>;
}

const statusText: Record<SaveStatus, string> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'Draft saved — everyone sees it live.',
  error: 'Not saved.',
};

/** The facilitator's form: stage (with the suggestion), rationale, dissent, next steps; lock. */
export function ConsensusEditor({
  draft,
  stages,
  suggested,
  dimensionTitle,
  hasSavedDraft,
  revealed,
  onLock,
  onMarkNotAssessed,
}: Props) {
  const [lockOpen, setLockOpen] = useState(false);
  const lockHintId = useId();
  const [naOpen, setNaOpen] = useState(false);
  const { fields, update, status, error } = draft;
  const stageName = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  const options = [
    { value: '', label: 'Choose a stage…' },
    ...stages.map((s) => ({ value: s.id, label: s.id === suggested ? `${s.label} (suggested)` : s.label })),
  ];
  const text = (label: string, key: keyof DraftFields, description?: string) => (
    <TextField
      label={label}
      multiline
      rows={3}
      value={fields[key]}
      onChange={(value) => update({ [key]: value })}
      maxLength={Limits.consensusTextMax}
      isRequired={key === 'rationale'}
      description={description}
    />
  );
  return (
    <div className="consensus-editor">
      <Select
        label="Consensus stage"
        options={options}
        value={fields.stage}
        onChange={(stage) => update({ stage })}
        description={
          suggested
            ? `Suggested from the current ratings: ${stageName(suggested)}.`
            : 'No single most common rating to suggest.'
        }
      />
      {/* "Consensus rationale": the facilitator's own rating has a "Rationale" box on the same page. */}
      {text('Consensus rationale', 'rationale', 'Why the team agreed on this stage.')}
      {text('Dissent', 'dissent', 'Who disagreed and why.')}
      {text('To reach the next stage', 'nextSteps', 'Next steps the team committed to.')}
      <p className="muted" role="status">
        {statusText[status]}
        {!fields.stage && status === 'pending'
          ? ' Your text is kept in your drafts; choose a stage to save it for everyone.'
          : ''}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error} Your text is kept; it is sent again with your next change and when the connection returns.
        </p>
      )}
      <div className="consensus-editor__actions">
        <Button
          onPress={async () => {
            if (await draft.flush()) setLockOpen(true);
          }}
          isDisabled={
            !revealed || !fields.stage || !fields.rationale.trim() || (!hasSavedDraft && status === 'idle')
          }
          aria-describedby={revealed ? undefined : lockHintId}
        >
          <span aria-hidden="true">🔒 </span>Lock consensus…
        </Button>
        <Button variant="secondary" onPress={() => setNaOpen(true)}>
          Mark not assessed…
        </Button>
      </div>
      {!revealed && (
        <p id={lockHintId} className="muted">
          Reveal the ratings before locking: the team should see the spread behind its official result.
        </p>
      )}
      <LockDialog
        isOpen={lockOpen}
        onOpenChange={setLockOpen}
        dimensionTitle={dimensionTitle}
        stageLabel={stageName(fields.stage)}
        onConfirm={onLock}
      />
      <ReasonDialog
        isOpen={naOpen}
        onOpenChange={setNaOpen}
        title="Mark this dimension not assessed?"
        explanation="Finalizing accepts a dimension marked not assessed in place of a locked consensus. Say why it was not assessed."
        confirmLabel="Mark not assessed"
        onConfirm={onMarkNotAssessed}
      />
    </div>
  );
}
