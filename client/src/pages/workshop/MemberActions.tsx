import { useState } from 'react';
import { memberRoles, type MemberRole } from '../../../../shared/domain';
import { membersApi } from '../../api/endpoints';
import type { Member } from '../../api/types';
import { useAnnouncer } from '../../components/Announcer';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Select } from '../../components/Select';
import { roleLabels } from '../format';

interface Props {
  workshopId: string;
  member: Member;
  perspectives: readonly string[];
  /** After any change: reload the member list (and the workshop, since a handoff changes my role). */
  onChanged: () => void | Promise<void>;
}

type Open = null | 'edit' | 'handoff' | 'remove';

const roleOptions = memberRoles.map((r) => ({
  value: r,
  label: r === 'facilitator' ? 'Facilitator (co-facilitator)' : roleLabels[r],
}));

/**
 * A facilitator's actions on one member row: change role/perspective, hand over facilitation,
 * remove. Each opens a dialog, so nothing changes on a stray arrow key in a select, and a removal
 * always needs a second, explicit press. Server errors (e.g. "last facilitator", 409) show in the dialog.
 */
export function MemberActions({ workshopId, member, perspectives, onChanged }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const [role, setRole] = useState<MemberRole>(member.role);
  const [perspective, setPerspective] = useState(member.perspective ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const announce = useAnnouncer();

  const show = (which: Open) => {
    setRole(member.role);
    setPerspective(member.perspective ?? '');
    setError(undefined);
    setOpen(which);
  };

  async function run(action: () => Promise<unknown>, done: string) {
    setPending(true);
    setError(undefined);
    try {
      await action();
      setOpen(null);
      announce(done);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  const perspectiveOptions = [
    // A member may have no perspective yet (or one no longer listed); it can be set, not cleared.
    ...(perspective && !perspectives.includes(perspective) ? [perspective] : []),
    ...perspectives,
  ].map((p) => ({ value: p, label: p }));
  if (!perspective) perspectiveOptions.unshift({ value: '', label: '— none —' });

  const save = () => {
    const body: { role?: MemberRole; perspective?: string } = {};
    if (role !== member.role) body.role = role;
    if (perspective && perspective !== member.perspective) body.perspective = perspective;
    if (!body.role && !body.perspective) {
      setOpen(null);
      return;
    }
    void run(() => membersApi.update(workshopId, member.id, body), `${member.name} updated.`);
  };

  return (
    <div className="cluster">
      <Button variant="secondary" onPress={() => show('edit')} aria-label={`Change role or perspective of ${member.name}`}>
        Edit
      </Button>
      {!member.isMe ? (
        <>
          {member.role !== 'observer' ? (
            <Button variant="secondary" onPress={() => show('handoff')} aria-label={`Hand over facilitation to ${member.name}`}>
              Hand over
            </Button>
          ) : null}
          <Button variant="danger" onPress={() => show('remove')} aria-label={`Remove ${member.name}`}>
            Remove
          </Button>
        </>
      ) : null}

      <Dialog isOpen={open === 'edit'} onOpenChange={(o) => !o && setOpen(null)} title={`Change ${member.name}`}>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Select label="Role" options={roleOptions} value={role} onChange={(v) => setRole(v as MemberRole)} />
          <Select label="Perspective" options={perspectiveOptions} value={perspective} onChange={setPerspective} />
          <ErrorMessage error={error} title="Could not change this member" />
          <div className="cluster">
            <Button type="submit" isPending={pending}>
              Save
            </Button>
            <Button variant="secondary" onPress={() => setOpen(null)}>
              Cancel
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog
        isOpen={open === 'handoff'}
        onOpenChange={(o) => !o && setOpen(null)}
        title={`Hand over facilitation to ${member.name}?`}
        role="alertdialog"
      >
        <p>
          {member.name} becomes a facilitator and you become a participant. To keep facilitating too, use Edit and
          make them a co-facilitator instead.
        </p>
        <ErrorMessage error={error} title="Could not hand over" />
        <div className="cluster">
          <Button
            isPending={pending}
            onPress={() => run(() => membersApi.handoff(workshopId, member.id), `Facilitation handed over to ${member.name}.`)}
          >
            Hand over
          </Button>
          <Button variant="secondary" onPress={() => setOpen(null)}>
            Cancel
          </Button>
        </div>
      </Dialog>

      <Dialog
        isOpen={open === 'remove'}
        onOpenChange={(o) => !o && setOpen(null)}
        title={`Remove ${member.name}?`}
        role="alertdialog"
      >
        <p>
          {member.name} loses access at once and is disconnected from the room. Their past ratings stay on record.
        </p>
        <ErrorMessage error={error} title="Could not remove this member" />
        <div className="cluster">
          <Button
            variant="danger"
            isPending={pending}
            onPress={() => run(() => membersApi.remove(workshopId, member.id), `${member.name} was removed.`)}
          >
            Remove {member.name}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(null)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
