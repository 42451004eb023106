import { Link } from 'react-router';
import { useApiData } from '../api/useApiData';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScrollTable } from '../components/ScrollTable';
import { Spinner } from '../components/Spinner';
import { reportApi } from './reportApi';

const arrows = { up: '▲ Up', down: '▼ Down', same: '= Same', new: '+ New', 'not-assessed': '– Not assessed yet' } as const;

/** Previous vs current consensus per dimension, and what became of the previous action plan. */
export function ComparisonView({ workshopId }: { workshopId: string }) {
  const { data, error, loading } = useApiData(() => reportApi.comparison(workshopId), [workshopId]);
  return (
    <section aria-labelledby="report-comparison">
      <h2 id="report-comparison">Compared with the previous assessment</h2>
      {error ? <ErrorMessage error={error} title="Could not load the comparison" /> : null}
      {!data && loading ? <Spinner label="Loading the comparison…" /> : null}
      {data ? (
        <>
          <p>
            <Link to={`/workshops/${data.previousWorkshopId}/report`}>Open the previous report</Link>
          </p>
          <ScrollTable className="report-table" caption="Consensus stage, previous and current">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Previous</th>
                <th scope="col">Current</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {data.dimensions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td>{d.previous.notAssessed ? 'Not assessed' : (d.previous.stageLabel ?? '—')}</td>
                  <td>{d.current.notAssessed ? 'Not assessed' : (d.current.stageLabel ?? '—')}</td>
                  <td>{arrows[d.direction]}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {data.actionItems.length > 0 ? (
            <ScrollTable className="report-table" caption="Previous action plan: outcomes">
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Status</th>
                  <th scope="col">Target reached</th>
                </tr>
              </thead>
              <tbody>
                {data.actionItems.map((a) => (
                  <tr key={a.id}>
                    <td>{a.dimensionTitle}</td>
                    <td className="report-table__text">{a.actions}</td>
                    <td>{a.targetStageLabel}</td>
                    <td>{a.status}</td>
                    <td>{a.targetReached === null ? 'Not yet known' : a.targetReached ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
