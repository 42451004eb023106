import { useEffect, useState } from 'react';
import { invitesApi } from '../../api/endpoints';
import type { CreatedInvite, InviteSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { useAnnouncer } from '../../components/Announcer';
import { Button } from '../../components/Button';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScrollTable } from '../../components/ScrollTable';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, roleLabels } from '../format';
import { CreateInviteForm } from './CreateInviteForm';
import { InviteQrDialog } from './InviteQrDialog';
import { inviteLinkNames } from './inviteNames';

const stateLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked', 'used-up': 'Used up' } as const;

function inviteState(invite: InviteSummary, now: number): string {
  if (invite.state) return stateLabels[invite.state] ?? invite.state;
  if (invite.revokedAt) return 'Revoked';
  if (invite.expiresAt && new Date(invite.expiresAt).getTime() <= now) return 'Expired';
  if (invite.maxUses && (invite.uses ?? 0) >= invite.maxUses) return 'Used up';
  return 'Active';
}

/**
 * Facilitator-only invite management. The token exists only in the create response (the server
 * stores a hash), so links created in this visit are kept in state to copy or show as QR; older
 * links can only be revoked and replaced.
 */
export function InvitesSection({ workshopId, perspectives }: { workshopId: string; perspectives: readonly string[] }) {
  const list = useApiData(() => invitesApi.list(workshopId), [workshopId]);
  const [created, setCreated] = useState<Record<string, CreatedInvite>>({});
  const [latest, setLatest] = useState<CreatedInvite | null>(null);
  const [qr, setQr] = useState<CreatedInvite | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>();
  const [revoking, setRevoking] = useState<string | null>(null);
  // The row whose Revoke button just went away: focus moves to its heading cell rather than <body>.
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const announce = useAnnouncer();
  const now = Date.now();

  useEffect(() => {
    if (focusRow === null || !list.data) return;
    document.getElementById(`invite-row-${focusRow}`)?.focus();
    setFocusRow(null);
  }, [focusRow, list.data]);

  async function revoke(invite: InviteSummary) {
    setRevoking(invite.id);
    setRevokeError(undefined);
    try {
      await invitesApi.revoke(workshopId, invite.id);
      if (latest?.id === invite.id) setLatest(null);
      await list.reload();
      setFocusRow(invite.id);
      announce(`Invite link for ${roleLabels[invite.role].toLowerCase()}s revoked.`);
    } catch (err) {
      setRevokeError(err);
    } finally {
      setRevoking(null);
    }
  }

  const names = list.data ? inviteLinkNames(list.data.invites) : null;

  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invite people</h2>
      <CreateInviteForm
        workshopId={workshopId}
        perspectives={perspectives}
        onCreated={(invite) => {
          setCreated((c) => ({ ...c, [invite.id]: invite }));
          setLatest(invite);
          announce('Invite link created.');
          void list.reload();
        }}
      />
      {latest ? (
        <section className="panel" style={{ marginTop: 'var(--space-4)' }} aria-labelledby="new-link-heading">
          <h3 id="new-link-heading" style={{ marginTop: 0 }}>
            New {roleLabels[latest.role].toLowerCase()} link
          </h3>
          <p>Copy this link now: for security it is shown only once. You can always create another.</p>
          <code className="link-text" data-testid="invite-url">
            {latest.url}
          </code>
          <div className="cluster" style={{ marginTop: 'var(--space-3)' }}>
            <CopyButton text={latest.url} label="Copy link" />
            <Button variant="secondary" onPress={() => setQr(latest)}>
              Show QR code
            </Button>
          </div>
        </section>
      ) : null}

      <h3>Links</h3>
      <ErrorMessage error={revokeError} title="Could not revoke the link" />
      {list.error ? <ErrorMessage error={list.error} title="Could not load the invite links" announce={false} /> : null}
      {!list.data && list.loading ? <Spinner label="Loading invite links…" /> : null}
      {list.data && list.data.invites.length === 0 ? <p>No invite links yet.</p> : null}
      {list.data && list.data.invites.length > 0 ? (
        <ScrollTable caption="Invite links" captionHidden>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Perspective</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Uses</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.invites.map((invite) => {
              const state = inviteState(invite, now);
              const known = created[invite.id];
              const label = names?.get(invite.id) ?? 'invite link';
              return (
                <tr key={invite.id}>
                  <th scope="row" id={`invite-row-${invite.id}`} tabIndex={-1}>
                    {roleLabels[invite.role] ?? invite.role}
                  </th>
                  <td>{invite.perspective ?? 'Chosen on joining'}</td>
                  <td>{formatDateTime(invite.createdAt)}</td>
                  <td>{formatDateTime(invite.expiresAt, 'Never')}</td>
                  <td>
                    {invite.uses ?? 0}
                    {invite.maxUses ? ` of ${invite.maxUses}` : ''}
                  </td>
                  <td>{state}</td>
                  <td>
                    <div className="cluster">
                      {known && state === 'Active' ? (
                        <Button variant="secondary" onPress={() => setQr(known)} aria-label={`Show QR code for ${label}`}>
                          QR code
                        </Button>
                      ) : null}
                      {state === 'Active' ? (
                        <ConfirmButton
                          variant="danger"
                          aria-label={`Revoke ${label}`}
                          title={`Revoke this ${roleLabels[invite.role].toLowerCase()} link?`}
                          message="Nobody can join with it any more. People who already joined with it stay members."
                          confirmLabel="Revoke link"
                          onConfirm={() => revoke(invite)}
                          isPending={revoking === invite.id}
                        >
                          Revoke
                        </ConfirmButton>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
      <InviteQrDialog invite={qr} onClose={() => setQr(null)} />
    </section>
  );
}
