import './consensus.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AuditEntryView, AuditNames } from '../../../shared/consensusApi';
import { ApiRequestError, useApiData } from '../api';
import { usePageTitle } from '../app/usePageTitle';
import { Button, ErrorMessage, ScrollTable, Spinner } from '../components';
import { actionName, actorText, changeText, mergeNames, targetText } from './auditText';
import { countOf } from '../pages/format';
import { consensusApi } from './consensusApi';

/**
 * The workshop's audit log (facilitators): a plain table — caption, column headers, one row per
 * entry, newest first — so a screen reader can navigate it by row and column. "Load older"
 * appends the next page and keeps focus on the button.
 */
export default function AuditPage() {
  const { id = '' } = useParams();
  usePageTitle('Audit log');
  const first = useApiData(() => consensusApi.audit(id), [id]);
  const [older, setOlder] = useState<AuditEntryView[]>([]);
  const [olderNames, setOlderNames] = useState<AuditNames[]>([]);
  const [cursor, setCursor] = useState<number | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const next = cursor === undefined ? first.data?.nextBefore : cursor;
  const entries = [...(first.data?.entries ?? []), ...older];
  // Each page names the ids of its own entries; merged, they name every row shown.
  const names = mergeNames(first.data?.names, ...olderNames);

  const loadOlder = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await consensusApi.audit(id, next);
      setOlder((o) => [...o, ...page.entries]);
      setOlderNames((n) => [...n, page.names]);
      setCursor(page.nextBefore);
      setMoreError(undefined);
    } catch (err) {
      setMoreError(err instanceof ApiRequestError ? err.message : 'Could not load older entries.');
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="audit-page">
      <h1>Audit log</h1>
      <p>
        Every reveal, consensus edit, lock, unlock, finalize, role change, member removal and invite — who did
        it and when. Entries can never be edited or deleted.{' '}
        <Link to={`/workshops/${encodeURIComponent(id)}`}>Back to the workshop</Link>
      </p>
      {first.error && <ErrorMessage error={first.error} />}
      {first.loading && !first.data && <Spinner label="Loading the audit log" />}
      {first.data && (
        <ScrollTable
          className="audit-table"
          caption={`${countOf(entries.length, 'entry', 'entries')}${next ? ' (older entries available)' : ''}, newest first`}
        >
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString()}</time>
                </td>
                <td>{actorText(e.actor)}</td>
                <td>{actionName(e.action)}</td>
                <td>{targetText(e, names)}</td>
                <td className="audit-table__change">{changeText(e.before, e.after, names) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {moreError && <p role="alert">{moreError}</p>}
      {next ? (
        <Button variant="secondary" isPending={loadingMore} onPress={() => void loadOlder()}>
          Load older entries
        </Button>
      ) : null}
    </div>
  );
}
