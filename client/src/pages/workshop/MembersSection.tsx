import { useEffect, useRef } from 'react';
import { membersApi } from '../../api/endpoints';
import { useApiData } from '../../api/useApiData';
import { useAnnouncer } from '../../components/Announcer';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, roleLabels } from '../format';
import { MemberActions } from './MemberActions';

/** How often the list refreshes itself while the page is visible (people join during the intro). */
const POLL_MS = 10_000;

interface Props {
  workshopId: string;
  /** Given for a facilitator of an open workshop: each row gets its actions (edit, hand over, remove). */
  manage?: { perspectives: readonly string[]; onChanged: () => void | Promise<void> };
}

export function MembersSection({ workshopId, manage }: Props) {
  const { data, error, loading, reload } = useApiData(() => membersApi.list(workshopId), [workshopId]);
  const announce = useAnnouncer();
  const known = useRef<Set<string> | null>(null);

  // Poll while visible; a hidden tab waits until it is looked at again.
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reload]);

  // Tell screen-reader users who arrived, without moving their focus.
  useEffect(() => {
    if (!data) return;
    const ids = new Set(data.members.map((m) => m.id));
    if (known.current) {
      const arrived = data.members.filter((m) => !known.current?.has(m.id));
      if (arrived.length > 0) announce(`${arrived.map((m) => m.name).join(', ')} joined the workshop.`);
    }
    known.current = ids;
  }, [data, announce]);

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members{data ? ` (${data.members.length})` : ''}</h2>
      {error ? <ErrorMessage error={error} title="Could not load the members" announce={false} /> : null}
      {!data && loading ? <Spinner label="Loading members…" /> : null}
      {data ? (
        <table>
          <caption className="visually-hidden">Members of this workshop</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Perspective</th>
              <th scope="col">Joined</th>
              {manage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  {m.isMe ? <span className="muted"> (you)</span> : null}
                </th>
                <td>{roleLabels[m.role] ?? m.role}</td>
                <td>{m.perspective ?? '—'}</td>
                <td>{formatDateTime(m.joinedAt)}</td>
                {manage ? (
                  <td>
                    <MemberActions
                      workshopId={workshopId}
                      member={m}
                      perspectives={manage.perspectives}
                      onChanged={async () => {
                        await Promise.all([reload(), manage.onChanged()]);
                      }}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="no-print" style={{ marginTop: 'var(--space-3)' }}>
        <Button variant="secondary" onPress={reload} isPending={loading && !!data}>
          Refresh members
        </Button>
      </p>
    </section>
  );
}
