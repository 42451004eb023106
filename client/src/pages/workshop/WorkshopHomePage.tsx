import { Link, useParams } from 'react-router';
import { workshopsApi } from '../../api/endpoints';
import { useApiData } from '../../api/useApiData';
import { usePageTitle } from '../../app/usePageTitle';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { Alert } from '../../components/Alert';
import { formatDateTime, institutionName, roleLabels, statusLabels } from '../format';
import { FinalizeSection } from './FinalizeSection';
import { InvitesSection } from './InvitesSection';
import { MembersSection } from './MembersSection';
import { SettingsSection } from './SettingsSection';

/** A workshop's front page: what it is, who is in it, how to invite, where to go next. */
export default function WorkshopHomePage() {
  const { id = '' } = useParams();
  const { data, error, reload } = useApiData(() => workshopsApi.get(id), [id]);
  usePageTitle(data?.workshop.title ?? (error ? 'Workshop unavailable' : undefined));

  if (error) {
    return (
      <>
        <h1>Workshop unavailable</h1>
        <ErrorMessage error={error} title="Could not open this workshop" announce={false}>
          <div className="cluster">
            <Button variant="secondary" onPress={reload}>
              Try again
            </Button>
            <Link to="/">Back to my workshops</Link>
          </div>
        </ErrorMessage>
      </>
    );
  }
  if (!data) return <Spinner label="Loading the workshop…" />;

  const { workshop, me } = data;
  const isFacilitator = me.role === 'facilitator';
  const finalized = workshop.status === 'finalized';
  // Finalize makes the workshop read-only for everyone (LOCK6): no management controls after it.
  const canManage = isFacilitator && workshop.status === 'open';
  const { settings } = workshop;
  const base = `/workshops/${workshop.id}`;

  return (
    <>
      <p className="muted" style={{ marginBottom: 0 }}>
        <Link to={`/institutions/${encodeURIComponent(workshop.institution.id)}`}>
          {institutionName(workshop.institution)}
        </Link>
      </p>
      <h1 style={{ marginTop: 0 }}>{workshop.title}</h1>
      <p>
        <span className="badge">{statusLabels[workshop.status] ?? workshop.status}</span> You are a{' '}
        <strong>{roleLabels[me.role].toLowerCase()}</strong>
        {me.perspective ? ` (${me.perspective})` : ''}.
      </p>

      <nav aria-label="Workshop" className="cluster">
        <Link className="button" to={`${base}/room`}>
          Open the room
        </Link>
        {isFacilitator ? (
          <Link className="button button--secondary" to={`${base}/projector`}>
            Projector view
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`${base}/report`}>
          Report
        </Link>
        {isFacilitator ? (
          <Link className="button button--secondary" to={`${base}/audit`}>
            Audit log
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`/institutions/${encodeURIComponent(workshop.institution.id)}`}>
          Institution history
        </Link>
      </nav>

      {finalized ? (
        <Alert tone="info" title="Finalized">
          This workshop was finalized{workshop.finalizedAt ? ` on ${formatDateTime(workshop.finalizedAt)}` : ''}. Its
          results, settings and members are read-only; the report’s action plan stays editable.
        </Alert>
      ) : null}

      <SettingsSection workshop={workshop} editable={canManage} onSaved={reload} />
      <MembersSection
        workshopId={workshop.id}
        manage={canManage ? { perspectives: settings.perspectives, onChanged: reload } : undefined}
      />
      {canManage ? <InvitesSection workshopId={workshop.id} perspectives={settings.perspectives} /> : null}
      {canManage ? <FinalizeSection workshopId={workshop.id} rubricId={workshop.rubricId} onFinalized={reload} /> : null}
    </>
  );
}
