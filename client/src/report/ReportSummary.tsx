import type { ReportModel } from '../../../server/report/types';
import { Link } from 'react-router';
import { countOf, formatDate, formatDateTime } from '../pages/format';

/** Institution, rubric, dates, status and the team by perspective (names only in named workshops). */
export function ReportSummary({ model }: { model: ReportModel }) {
  const inst = model.institution;
  return (
    <section aria-labelledby="report-summary" className="report-summary">
      <h2 id="report-summary">Summary</h2>
      <dl className="report-record">
        <dt>Institution</dt>
        <dd>
          {inst.name}
          {inst.system || inst.state ? ` (${[inst.system, inst.state].filter(Boolean).join(', ')})` : ''}{' '}
          <Link className="no-print" to={`/institutions/${encodeURIComponent(inst.id)}`}>
            History of {inst.name}
          </Link>
        </dd>
        <dt>Workshop</dt>
        <dd>{model.workshop.title}</dd>
        <dt>Rubric</dt>
        <dd>
          {model.rubric.title}, version {model.rubric.version}
        </dd>
        <dt>Status</dt>
        <dd>
          {model.status === 'final'
            ? `Final — finalized ${formatDate(model.workshop.finalizedAt)}`
            : 'In progress — this report updates as the team works'}
        </dd>
        <dt>Dates</dt>
        <dd>
          Started {formatDate(model.workshop.createdAt)}; report generated {formatDateTime(model.generatedAt)}
        </dd>
        <dt>Team</dt>
        <dd>
          {countOf(model.participants.total, 'participant')}
          {model.participants.observers ? ` and ${countOf(model.participants.observers, 'observer')}` : ''}
          <ul>
            {model.participants.byPerspective.map((p) => (
              <li key={p.perspective}>
                {p.perspective}: {p.count}
                {p.names ? ` (${p.names.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
