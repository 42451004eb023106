import { type FormEvent, useState } from 'react';
import type { ActionItem, ReportStage } from '../../../server/report/types';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { type ActionItemInput, reportApi } from './reportApi';

interface Props {
  workshopId: string;
  dimensionId: string;
  stages: readonly ReportStage[];
  /** The item to edit; absent = a new item. */
  item?: ActionItem;
  onDone: (saved: boolean) => void;
}

const statuses = [
  { value: 'not-started', label: 'Not started' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
] as const;

/** Add or edit one action item. Server errors are shown next to the form; nothing is lost on error. */
export function ActionItemForm({ workshopId, dimensionId, stages, item, onDone }: Props) {
  const [value, setValue] = useState<ActionItemInput>({
    dimensionId,
    targetStage: item?.targetStage ?? stages[stages.length - 1]!.id,
    actions: item?.actions ?? '',
    owner: item?.owner ?? '',
    dueDate: item?.dueDate ?? null,
    status: item?.status ?? 'not-started',
  });
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const set = <K extends keyof ActionItemInput>(key: K, v: ActionItemInput[K]) => setValue((old) => ({ ...old, [key]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      if (item) {
        const { dimensionId: _ignored, ...patch } = value;
        await reportApi.updateItem(workshopId, item.id, patch);
      } else {
        await reportApi.createItem(workshopId, value);
      }
      onDone(true);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };

  return (
    <form className="report-plan__form no-print" onSubmit={submit}>
      <Select
        label="Target stage"
        value={value.targetStage}
        onChange={(v) => set('targetStage', v)}
        options={stages.map((s) => ({ value: s.id, label: s.label }))}
      />
      <TextField label="Actions" multiline rows={3} isRequired value={value.actions} onChange={(v) => set('actions', v)} />
      <TextField label="Owner (optional)" value={value.owner} onChange={(v) => set('owner', v)} />
      <TextField
        label="Due date (optional)"
        type="date"
        value={value.dueDate ?? ''}
        onChange={(v) => set('dueDate', v === '' ? null : v)}
      />
      <Select
        label="Status"
        value={value.status}
        onChange={(v) => set('status', v as ActionItemInput['status'])}
        options={statuses}
      />
      <ErrorMessage error={error} title="Could not save the action" />
      <p className="report-plan__buttons">
        <Button type="submit" isPending={pending}>
          {item ? 'Save action' : 'Add action'}
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </p>
    </form>
  );
}
