import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { allDimensionsOf } from '../../../server/report/types';
import { workshopsApi } from '../api/endpoints';
import { useApiData } from '../api/useApiData';
import { usePageTitle } from '../app/usePageTitle';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Spinner } from '../components/Spinner';
import { ComparisonView } from './ComparisonView';
import { DimensionSection } from './DimensionSection';
import { DistributionChart } from './DistributionChart';
import { FollowUpPanel } from './FollowUpPanel';
import { RadarChart } from './RadarChart';
import { ReportSummary } from './ReportSummary';
import { downloadUrl, reportApi } from './reportApi';
import { StagePatterns } from './StagePatterns';
import './report.css';

/** While the workshop is open the report is live: it refreshes this often (ms) while visible. */
const LIVE_REFRESH_MS = 15_000;

/** The report of a workshop (any member): live while in progress, final once finalized. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const report = useApiData(() => reportApi.report(id), [id]);
  const workshop = useApiData(() => workshopsApi.get(id), [id]);
  const model = report.data;
  usePageTitle(model ? `Report — ${model.workshop.title}` : 'Report');
  const live = model?.status === 'in-progress';
  const reload = report.reload;

  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [live, reload]);

  if (report.error) {
    return (
      <ErrorMessage error={report.error} title="Could not load the report">
        <Button variant="secondary" onPress={report.reload}>
          Try again
        </Button>
      </ErrorMessage>
    );
  }
  if (!model) return <Spinner label="Loading the report…" />;

  const isFacilitator = workshop.data?.me.role === 'facilitator';
  const dimensions = allDimensionsOf(model);
  return (
    <article className="report">
      <StagePatterns />
      <h1>Report: {model.institution.name}</h1>
      <p className="no-print">
        <Link to={`/workshops/${id}`}>Back to the workshop</Link>
      </p>
      {model.status === 'in-progress' ? (
        <Alert tone="info" title="In progress">
          This report is live: it shows the current state and changes as the team rates and agrees.
        </Alert>
      ) : null}
      <nav aria-label="Download the report" className="report-downloads no-print">
        <ul>
          <li>
            <a href={downloadUrl(id, 'pdf')} download>
              Download PDF
            </a>
          </li>
          <li>
            <a href={downloadUrl(id, 'csv')} download>
              Download CSV (spreadsheet)
            </a>
          </li>
          <li>
            <a href={downloadUrl(id, 'json')} download>
              Download JSON (data)
            </a>
          </li>
          <li>
            <Button variant="secondary" onPress={() => window.print()}>
              Print
            </Button>
          </li>
        </ul>
      </nav>
      <ReportSummary model={model} />
      {!model.hasRatings ? (
        <Alert tone="info" title="No ratings yet">
          Nobody has rated a revealed dimension yet. The report lists the rubric and fills in as the team works.
        </Alert>
      ) : null}

      <section aria-labelledby="report-glance">
        <h2 id="report-glance">Consensus at a glance</h2>
        <RadarChart dimensions={dimensions} stages={model.rubric.stages} />
        <DistributionChart dimensions={dimensions} stages={model.rubric.stages} />
      </section>

      {model.workshop.previousWorkshopId ? <ComparisonView workshopId={id} /> : null}

      {model.categories.map((category) => (
        <section key={category.id} aria-labelledby={`cat-${category.id}`} className="report-category">
          <h2 id={`cat-${category.id}`}>{category.title}</h2>
          {category.dimensions.map((d) => (
            <DimensionSection
              key={d.id}
              model={model}
              dimension={d}
              number={dimensions.indexOf(d) + 1}
              canEdit={isFacilitator}
              onPlanChanged={() => void report.reload()}
            />
          ))}
        </section>
      ))}

      {model.notes.length > 0 ? (
        <section aria-labelledby="report-notes">
          <h2 id="report-notes">Notes</h2>
          <ul>
            {model.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {isFacilitator ? <FollowUpPanel workshopId={id} /> : null}
    </article>
  );
}
