import { useId, useState } from 'react';
import { type AnonymityMode, anonymityModes, Limits } from '../../../../shared/domain';
import { workshopsApi } from '../../api/endpoints';
import type { Workshop } from '../../api/types';
import { useAnnouncer } from '../../components/Announcer';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { anonymityLabels, formatDateTime } from '../format';

/** epoch ms → the value a datetime-local input shows (local time, minutes). */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) → epoch ms; '' → null (no deadline); unparsable → NaN. */
export function fromLocalInput(value: string): number | null {
  if (value.trim() === '') return null;
  return new Date(value).getTime();
}

interface Props {
  workshop: Workshop;
  /** Facilitator of a workshop that is not finalized. */
  editable: boolean;
  onSaved: () => void | Promise<void>;
}

/** The workshop's settings: a summary for everyone, an edit form for facilitators until finalize. */
export function SettingsSection({ workshop, editable, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {editing && editable ? (
        <SettingsForm
          workshop={workshop}
          onDone={async (saved) => {
            if (saved) await onSaved();
            setEditing(false);
          }}
        />
      ) : (
        <>
          <SettingsSummary workshop={workshop} />
          {editable ? (
            <Button variant="secondary" onPress={() => setEditing(true)}>
              Edit settings
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function SettingsSummary({ workshop }: { workshop: Workshop }) {
  const { settings } = workshop;
  return (
    <dl className="summary">
      <dt>Rubric</dt>
      <dd>
        {workshop.rubricId} (version {workshop.rubricVersion})
      </dd>
      <dt>Anonymity</dt>
      <dd>
        {anonymityLabels[settings.anonymity]?.label ?? settings.anonymity}
        <span className="muted"> — {anonymityLabels[settings.anonymity]?.description}</span>
      </dd>
      <dt>“Not sure” allowed</dt>
      <dd>{settings.allowNotSure ? 'Yes' : 'No'}</dd>
      <dt>Automatic reveal</dt>
      <dd>{settings.autoReveal ? 'Yes, once everyone has rated' : 'No, the facilitator reveals'}</dd>
      <dt>Rating deadline</dt>
      <dd>{formatDateTime(settings.ratingDeadline, 'None')}</dd>
      <dt>Perspectives</dt>
      <dd>{settings.perspectives.join(', ')}</dd>
    </dl>
  );
}

function SettingsForm({ workshop, onDone }: { workshop: Workshop; onDone: (saved: boolean) => void | Promise<void> }) {
  const id = useId();
  const announce = useAnnouncer();
  const { settings } = workshop;
  const [title, setTitle] = useState(workshop.title);
  const [anonymity, setAnonymity] = useState<AnonymityMode>(settings.anonymity);
  const [allowNotSure, setAllowNotSure] = useState(settings.allowNotSure);
  const [autoReveal, setAutoReveal] = useState(settings.autoReveal);
  const [deadline, setDeadline] = useState(toLocalInput(settings.ratingDeadline));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const deadlineMs = fromLocalInput(deadline);
  const deadlineInvalid = deadlineMs !== null && Number.isNaN(deadlineMs);

  async function save() {
    if (deadlineInvalid || title.trim() === '') return;
    setPending(true);
    setError(undefined);
    try {
      await workshopsApi.update(workshop.id, {
        title: title.trim(),
        settings: { anonymity, allowNotSure, autoReveal, ratingDeadline: deadlineMs },
      });
      announce('Settings saved.');
      await onDone(true);
    } catch (err) {
      setError(err); // The form stays filled in: nothing typed is lost on a refused save.
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="stack"
      aria-label="Workshop settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label="Title"
        value={title}
        onChange={setTitle}
        isRequired
        maxLength={Limits.titleMax}
        errorMessage={title.trim() === '' ? 'Give the workshop a title.' : undefined}
      />
      <fieldset>
        <legend>Anonymity</legend>
        {anonymityModes.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name={`${id}-anonymity`}
              value={mode}
              checked={anonymity === mode}
              onChange={() => setAnonymity(mode)}
              aria-describedby={`${id}-${mode}-desc`}
            />
            <span>
              <strong>{anonymityLabels[mode].label}</strong>
              <br />
              <span id={`${id}-${mode}-desc`} className="field__description">
                {anonymityLabels[mode].description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={allowNotSure} onChange={(e) => setAllowNotSure(e.target.checked)} />
        <span>Allow “Not sure”</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={autoReveal} onChange={(e) => setAutoReveal(e.target.checked)} />
        <span>Reveal a dimension automatically once everyone has rated it</span>
      </label>
      <div className="field" data-invalid={deadlineInvalid || undefined}>
        <label htmlFor={`${id}-deadline`}>Rating deadline (optional)</label>
        <span id={`${id}-deadline-desc`} className="field__description">
          Shown to everyone in the room; at the deadline every dimension's ratings are revealed. Leave empty for
          no deadline.
        </span>
        <input
          id={`${id}-deadline`}
          type="datetime-local"
          value={deadline}
          aria-describedby={`${id}-deadline-desc`}
          aria-invalid={deadlineInvalid || undefined}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} title="Could not save the settings" />
      <div className="cluster">
        <Button type="submit" isPending={pending}>
          Save settings
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
