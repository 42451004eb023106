import { type FormEvent, useState } from 'react';
import { MemberRole } from '../../../../shared/domain';
import { invitesApi } from '../../api/endpoints';
import type { CreatedInvite } from '../../api/types';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { roleLabels } from '../format';

const DAY_MS = 24 * 60 * 60 * 1000;
const expiryOptions = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'never', label: 'Never' },
];

export interface CreateInviteFormProps {
  workshopId: string;
  perspectives: readonly string[];
  onCreated: (invite: CreatedInvite) => void;
}

export function CreateInviteForm({ workshopId, perspectives, onCreated }: CreateInviteFormProps) {
  const [role, setRole] = useState<MemberRole>(MemberRole.participant);
  const [perspective, setPerspective] = useState('');
  const [expiry, setExpiry] = useState('7');
  const [maxUses, setMaxUses] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);

  const maxUsesNumber = maxUses.trim() === '' ? undefined : Number(maxUses);
  const maxUsesInvalid =
    maxUsesNumber !== undefined && (!Number.isInteger(maxUsesNumber) || maxUsesNumber < 1 || maxUsesNumber > 10_000);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (maxUsesInvalid) return;
    setPending(true);
    setError(undefined);
    try {
      const invite = await invitesApi.create(workshopId, {
        role,
        ...(perspective ? { perspective } : {}),
        ...(expiry === 'never' ? {} : { expiresAt: Date.now() + Number(expiry) * DAY_MS }),
        ...(maxUsesNumber !== undefined ? { maxUses: maxUsesNumber } : {}),
      });
      onCreated(invite);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel" aria-labelledby="create-invite-heading">
      <h3 id="create-invite-heading" style={{ marginTop: 0 }}>
        Create an invite link
      </h3>
      <ErrorMessage error={error} title="Could not create the invite" />
      <Select
        label="Role"
        value={role}
        onChange={(v) => setRole(v as MemberRole)}
        options={Object.values(MemberRole).map((r) => ({ value: r, label: roleLabels[r] }))}
        description="Participants rate; observers watch without rating; facilitators run the workshop."
      />
      <Select
        label="Perspective (optional)"
        value={perspective}
        onChange={setPerspective}
        options={[{ value: '', label: 'Let each person choose' }, ...perspectives.map((p) => ({ value: p, label: p }))]}
      />
      <Select label="Link expires after" value={expiry} onChange={setExpiry} options={expiryOptions} />
      <TextField
        label="Maximum uses"
        inputMode="numeric"
        value={maxUses}
        onChange={setMaxUses}
        description="Leave empty for no limit."
        errorMessage={maxUsesInvalid ? 'Enter a whole number from 1 to 10,000.' : undefined}
      />
      <Button type="submit" isPending={pending}>
        Create link
      </Button>
    </form>
  );
}
