import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { AnonymityMode, anonymityModes, DEFAULT_PERSPECTIVES, Limits } from '../../../shared/domain';
import { workshopsApi } from '../api/endpoints';
import { usePageTitle } from '../app/usePageTitle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { anonymityLabels } from './format';

/** Turns a datetime-local value ("2026-05-01T17:00", local time) into epoch ms, or null. */
function deadlineToEpoch(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export default function CreateWorkshopPage() {
  usePageTitle('Create a workshop');
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [institution, setInstitution] = useState('');
  const [anonymity, setAnonymity] = useState<AnonymityMode>(AnonymityMode.named);
  const [allowNotSure, setAllowNotSure] = useState(true);
  const [deadline, setDeadline] = useState('');
  const [perspective, setPerspective] = useState('Other');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);

  const deadlineMs = deadlineToEpoch(deadline);
  const deadlineInPast = deadlineMs !== null && deadlineMs < Date.now();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (deadlineInPast) return;
    setPending(true);
    setError(undefined);
    try {
      const { workshop } = await workshopsApi.create({
        title: title.trim(),
        institution: institution.trim(),
        perspective,
        // The full settings object, so the request is valid whether the server merges or replaces.
        settings: {
          anonymity,
          allowNotSure,
          autoReveal: false,
          ratingDeadline: deadlineMs,
          perspectives: [...DEFAULT_PERSPECTIVES],
        },
      });
      navigate(`/workshops/${workshop.id}`);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return (
    <div className="narrow">
      <h1>Create a workshop</h1>
      <p>
        A workshop is one self-assessment of an institution against the LER Engagement and Implementation Tool. You can
        invite people once it exists.
      </p>
      <ErrorMessage error={error} title="Could not create the workshop" />
      <form onSubmit={submit}>
        <TextField
          label="Workshop title"
          isRequired
          maxLength={Limits.titleMax}
          value={title}
          onChange={setTitle}
          description="For example: “Spring 2026 LER self-assessment”."
        />
        <TextField
          label="Institution"
          isRequired
          maxLength={Limits.institutionMax}
          value={institution}
          onChange={setInstitution}
          description="The college or university being assessed."
        />
        <Select
          label="Your perspective"
          description="The part of the institution you speak for in this workshop."
          value={perspective}
          onChange={setPerspective}
          options={DEFAULT_PERSPECTIVES.map((p) => ({ value: p, label: p }))}
        />
        <fieldset>
          <legend>Anonymity</legend>
          {anonymityModes.map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name="anonymity"
                value={mode}
                checked={anonymity === mode}
                onChange={() => setAnonymity(mode)}
                aria-describedby={`anonymity-${mode}-desc`}
              />
              <span>
                <strong>{anonymityLabels[mode].label}</strong>
                <br />
                <span id={`anonymity-${mode}-desc`} className="field__description">
                  {anonymityLabels[mode].description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={allowNotSure} onChange={(e) => setAllowNotSure(e.target.checked)} />
          <span>
            <strong>Allow “Not sure”</strong>
            <br />
            <span className="field__description">Participants may answer “Not sure” instead of choosing a stage.</span>
          </span>
        </label>
        <div className={deadlineInPast ? 'field field--invalid' : 'field'}>
          <label htmlFor="deadline">
            Rating deadline <span className="muted">(optional)</span>
          </label>
          <span id="deadline-desc" className="field__description">
            For workshops rated over several days: at the deadline every dimension's ratings are revealed. Leave
            empty when you rate together in one session.
          </span>
          <input
            id="deadline"
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            aria-describedby={deadlineInPast ? 'deadline-desc deadline-err' : 'deadline-desc'}
            aria-invalid={deadlineInPast || undefined}
          />
          {deadlineInPast ? (
            <span id="deadline-err" className="field__error">
              The deadline is in the past.
            </span>
          ) : null}
        </div>
        <Button type="submit" isPending={pending}>
          Create workshop
        </Button>
      </form>
    </div>
  );
}
