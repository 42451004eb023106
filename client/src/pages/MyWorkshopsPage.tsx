import { Link } from 'react-router';
import { institutionsApi, workshopsApi } from '../api/endpoints';
import { useApiData } from '../api/useApiData';
import { useCurrentUser } from '../app/CurrentUser';
import { usePageTitle } from '../app/usePageTitle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Spinner } from '../components/Spinner';
import { countOf, formatDate, institutionName, roleLabels, statusLabels } from './format';

export function MyWorkshopsPage() {
  usePageTitle('My workshops');
  const { user } = useCurrentUser();
  const { data, error, loading, reload } = useApiData(() => workshopsApi.list(), []);
  const canCreate = user?.kind !== 'guest';

  return (
    <>
      <h1>My workshops</h1>
      {canCreate ? (
        <p>
          <Link className="button" to="/workshops/new">
            Create a workshop
          </Link>
        </p>
      ) : null}
      {error ? (
        <ErrorMessage error={error} title="Could not load your workshops">
          <Button variant="secondary" onPress={reload}>
            Try again
          </Button>
        </ErrorMessage>
      ) : !data && loading ? (
        <Spinner label="Loading your workshops…" />
      ) : data && data.workshops.length === 0 ? (
        <p>You are not in any workshop yet. {canCreate ? 'Create one, or open an invite link you were sent.' : ''}</p>
      ) : data ? (
        <table>
          <caption className="visually-hidden">Workshops you belong to</caption>
          <thead>
            <tr>
              <th scope="col">Workshop</th>
              <th scope="col">Institution</th>
              <th scope="col">Your role</th>
              <th scope="col">Status</th>
              <th scope="col">Members</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {data.workshops.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <Link to={`/workshops/${w.id}`}>{w.title}</Link>
                </th>
                <td>{institutionName(w.institution)}</td>
                <td>{roleLabels[w.role] ?? w.role}</td>
                <td>{statusLabels[w.status] ?? w.status}</td>
                <td>{w.memberCount}</td>
                <td>{formatDate(w.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MyInstitutions />
    </>
  );
}

/** Institutions I have workshops in (REPORT11), each linking to its history over time. */
function MyInstitutions() {
  const { data, error } = useApiData(() => institutionsApi.list(), []);
  if (error) return <ErrorMessage error={error} title="Could not load your institutions" announce={false} />;
  if (!data || data.institutions.length === 0) return null;
  return (
    <section aria-labelledby="my-institutions">
      <h2 id="my-institutions">My institutions</h2>
      <ul>
        {data.institutions.map((i) => (
          <li key={i.id}>
            <Link to={`/institutions/${encodeURIComponent(i.id)}`}>{i.name}</Link>{' '}
            <span className="muted">
              — {countOf(i.workshopCount, 'workshop')}
              {i.lastWorkshopAt ? `, latest ${formatDate(i.lastWorkshopAt)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
