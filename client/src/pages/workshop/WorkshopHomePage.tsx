import { Link, useParams } from 'react-router';
import { workshopsApi } from '../../api/endpoints';
import { useApiData } from '../../api/useApiData';
import { usePageTitle } from '../../app/usePageTitle';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { anonymityLabels, formatDateTime, institutionName, roleLabels, statusLabels } from '../format';
import { InvitesSection } from './InvitesSection';
import { MembersSection } from './MembersSection';

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
  const { settings } = workshop;
  const base = `/workshops/${workshop.id}`;

  return (
    <>
      <p className="muted" style={{ marginBottom: 0 }}>
        {institutionName(workshop.institution)}
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
      </nav>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
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
      </section>

      <MembersSection workshopId={workshop.id} />
      {isFacilitator ? <InvitesSection workshopId={workshop.id} perspectives={settings.perspectives} /> : null}
    </>
  );
}
