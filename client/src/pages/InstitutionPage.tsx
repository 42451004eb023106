import { Link, useParams } from 'react-router';
import type { Rubric } from '../../../rubric/schema';
import { type InstitutionWorkshop, institutionsApi, rubricsApi } from '../api/endpoints';
import { useApiData } from '../api/useApiData';
import { usePageTitle } from '../app/usePageTitle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScrollTable } from '../components/ScrollTable';
import { Spinner } from '../components/Spinner';
import { formatDate, roleLabels, statusLabels } from './format';

interface Row {
  id: string;
  title: string;
  category: string;
}

/** Every dimension of the rubrics these workshops used, in rubric order, without duplicates. */
function dimensionRows(rubrics: Rubric[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rubrics)
    for (const c of r.categories)
      for (const d of c.dimensions) if (!seen.has(d.id)) seen.set(d.id, { id: d.id, title: d.title, category: c.title });
  return [...seen.values()];
}

/** The words for one workshop's consensus on one dimension: never colour alone, always text. */
export function consensusCell(
  c: InstitutionWorkshop['consensus'][string] | undefined,
  stageLabel: (stage: string) => string,
): string {
  if (!c) return 'Not decided';
  if (c.notAssessed) return 'Not assessed';
  if (!c.stage) return 'Not decided';
  return c.locked ? stageLabel(c.stage) : `${stageLabel(c.stage)} (draft, not locked)`;
}

/** /institutions/:id — one institution's assessments over time (REPORT11), oldest first. */
export default function InstitutionPage() {
  const { id = '' } = useParams();
  const history = useApiData(() => institutionsApi.get(id), [id]);
  const rubricIds = [...new Set(history.data?.workshops.map((w) => w.rubricId) ?? [])];
  const rubrics = useApiData(
    async () => Promise.all(rubricIds.map(async (r) => (await rubricsApi.get(r)).rubric)),
    [rubricIds.join(',')],
  );
  usePageTitle(history.data?.institution.name ?? (history.error ? 'Institution unavailable' : undefined));

  if (history.error) {
    return (
      <>
        <h1>Institution unavailable</h1>
        <ErrorMessage error={history.error} title="Could not open this institution's history" announce={false}>
          <div className="cluster">
            <Button variant="secondary" onPress={history.reload}>
              Try again
            </Button>
            <Link to="/">Back to my workshops</Link>
          </div>
        </ErrorMessage>
      </>
    );
  }
  if (!history.data) return <Spinner label="Loading the institution's history…" />;
  const { institution, workshops } = history.data;
  const stageLabels = new Map(rubrics.data?.flatMap((r) => r.stages.map((s) => [s.id, s.label] as const)) ?? []);
  const label = (stage: string) => stageLabels.get(stage) ?? stage;
  // Ready only once the rubrics of *these* workshops are in (the first load runs with none).
  const loaded = rubrics.data && rubrics.data.length === rubricIds.length ? rubrics.data : null;
  const rows = dimensionRows(loaded ?? []);

  return (
    <>
      <h1>{institution.name}</h1>
      {institution.system || institution.state ? (
        <p className="muted">{[institution.system, institution.state].filter(Boolean).join(', ')}</p>
      ) : null}
      <p>Assessments you took part in, oldest first. Workshops of other teams at this institution are not listed.</p>

      <section aria-labelledby="inst-workshops">
        <h2 id="inst-workshops">Workshops ({workshops.length})</h2>
        <ol>
          {workshops.map((w) => (
            <li key={w.id}>
              <Link to={`/workshops/${w.id}`}>{w.title}</Link> — {statusLabels[w.status] ?? w.status}, created{' '}
              {formatDate(w.createdAt)}
              {w.finalizedAt ? `, finalized ${formatDate(w.finalizedAt)}` : ''}; you were{' '}
              {(roleLabels[w.myRole] ?? w.myRole).toLowerCase()}. <Link to={`/workshops/${w.id}/report`}>Report</Link>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="inst-consensus">
        <h2 id="inst-consensus">Consensus over time</h2>
        {rubrics.error ? <ErrorMessage error={rubrics.error} title="Could not load the rubric" /> : null}
        {!loaded && !rubrics.error ? <Spinner label="Loading the rubric…" /> : null}
        {loaded ? (
          <ScrollTable caption="Consensus stage per dimension in each workshop, oldest workshop first">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                {workshops.map((w) => (
                  <th key={w.id} scope="col">
                    {w.title} <span className="muted">({formatDate(w.createdAt)})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.title} <span className="muted">· {d.category}</span>
                  </th>
                  {workshops.map((w) => (
                    <td key={w.id}>{consensusCell(w.consensus[d.id], label)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : null}
      </section>
    </>
  );
}
