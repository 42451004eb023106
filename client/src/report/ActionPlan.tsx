import { useRef, useState } from 'react';
import type { ActionItem, ReportDimension, ReportModel } from '../../../server/report/types';
import { useAnnouncer } from '../components/Announcer';
import { Button } from '../components/Button';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { ActionItemForm } from './ActionItemForm';
import { reportApi } from './reportApi';

const statusWords: Record<ActionItem['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

interface Props {
  model: ReportModel;
  dimension: ReportDimension;
  canEdit: boolean;
  onChanged: () => void;
}

/** The dimension's action plan; facilitators add, edit and delete items (also after finalize). */
export function ActionPlan({ model, dimension, canEdit, onChanged }: Props) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  const announce = useAnnouncer();
  const items = dimension.actionPlan;
  const label = (id: string) => model.rubric.stages.find((s) => s.id === id)?.label ?? id;

  // Asked for by ConfirmButton's dialog; errors are shown here, below the list.
  const remove = async (item: ActionItem) => {
    try {
      await reportApi.deleteItem(model.workshop.id, item.id);
      setError(undefined);
      onChanged();
      // The Delete button that had focus is gone with its item: put focus on this plan's heading
      // (not the top of the page) and say what happened.
      heading.current?.focus();
      announce(`Action deleted from the plan for ${dimension.title}.`, 'polite');
    } catch (err) {
      setError(err);
    }
  };

  if (!canEdit && items.length === 0) return null;
  return (
    <div className="report-plan">
      <h4 ref={heading} tabIndex={-1}>
        Action plan
      </h4>
      {items.length === 0 ? <p>No actions planned yet.</p> : null}
      <ul>
        {items.map((item) =>
          editing === item.id ? (
            <li key={item.id}>
              <ActionItemForm
                workshopId={model.workshop.id}
                dimensionId={dimension.id}
                stages={model.rubric.stages}
                item={item}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) onChanged();
                }}
              />
            </li>
          ) : (
            <li key={item.id}>
              <strong>Target: {label(item.targetStage)}.</strong> {item.actions} — owner: {item.owner || 'unassigned'}; due{' '}
              {item.dueDate ?? 'not set'}; status: <span className="badge">{statusWords[item.status]}</span>
              {canEdit ? (
                <span className="no-print report-plan__buttons">
                  <Button variant="secondary" onPress={() => setEditing(item.id)} aria-label={`Edit action: ${item.actions.slice(0, 40)}`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    variant="secondary"
                    aria-label={`Delete action: ${item.actions.slice(0, 40)}`}
                    title={`Delete the action “${item.actions.slice(0, 60)}”?`}
                    message="It leaves the action plan for everyone; the audit log keeps a record of it."
                    confirmLabel="Delete action"
                    onConfirm={() => remove(item)}
                  >
                    Delete
                  </ConfirmButton>
                </span>
              ) : null}
            </li>
          ),
        )}
      </ul>
      <ErrorMessage error={error} title="Could not change the action plan" />
      {canEdit && editing === 'new' ? (
        <ActionItemForm
          workshopId={model.workshop.id}
          dimensionId={dimension.id}
          stages={model.rubric.stages}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onChanged();
          }}
        />
      ) : canEdit ? (
        <p className="no-print">
          <Button variant="secondary" onPress={() => setEditing('new')}>
            Add an action for {dimension.title}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
