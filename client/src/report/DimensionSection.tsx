import type { ReportDimension, ReportModel } from '../../../server/report/types';
import { ScrollTable } from '../components/ScrollTable';
import { ActionPlan } from './ActionPlan';
import { HeatmapTable } from './HeatmapTable';

interface Props {
  model: ReportModel;
  dimension: ReportDimension;
  number: number;
  canEdit: boolean;
  onPlanChanged: () => void;
}

const changeWords = { narrowed: 'narrowed', widened: 'widened', unchanged: 'did not change' } as const;

/** One dimension of the report: consensus with the rubric text, spread, ratings, evidence, plan. */
export function DimensionSection({ model, dimension: d, number, canEdit, onPlanChanged }: Props) {
  const c = d.consensus;
  const headingId = `dim-${d.id}`;
  const s = d.spread;
  return (
    <section className="report-dimension" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. {d.title}
      </h3>
      {c?.notAssessedReason ? (
        <p>
          <strong>Consensus:</strong> Not assessed — {c.notAssessedReason}
        </p>
      ) : c?.stageLabel ? (
        <>
          <p>
            <strong>Consensus:</strong> {c.stageLabel} {c.locked ? <span className="badge">Locked</span> : <span className="badge badge--draft">Draft</span>}
          </p>
          {c.stageText ? <blockquote className="report-stage-text">{c.stageText}</blockquote> : null}
          <dl className="report-record">
            {c.rationale ? (<><dt>Rationale</dt><dd>{c.rationale}</dd></>) : null}
            {c.dissent ? (<><dt>Dissent</dt><dd>{c.dissent}</dd></>) : null}
            {c.nextSteps ? (<><dt>To reach the next stage</dt><dd>{c.nextSteps}</dd></>) : null}
          </dl>
        </>
      ) : (
        <p>
          <strong>Consensus:</strong> none recorded yet.
        </p>
      )}

      {d.ratings.length === 0 ? (
        <p>No ratings yet (or not revealed yet).</p>
      ) : (
        <>
          <p>
            <strong>First round vs final:</strong>{' '}
            {s.change === null
              ? 'not enough stage ratings to compare.'
              : `the spread ${changeWords[s.change]} (${s.firstRange} → ${s.finalRange} stage steps)${s.agreed ? '; everyone is on one stage' : ''}; ${s.changedCount} changed their rating.`}
          </p>
          <HeatmapTable rows={d.heatmap} stages={model.rubric.stages} title={d.title} />
          <ScrollTable className="report-table" caption={`Individual ratings: ${d.title}`}>
            <thead>
              <tr>
                <th scope="col">{model.workshop.anonymity === 'named' ? 'Name' : 'Participant'}</th>
                <th scope="col">Perspective</th>
                <th scope="col">First round</th>
                <th scope="col">Final</th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              {d.ratings.map((r) => (
                <tr key={r.participant}>
                  <th scope="row" className="report-table__text">{r.participant}</th>
                  <td className="report-table__text">{r.perspective}</td>
                  <td>{r.firstRoundStageLabel ?? '—'}</td>
                  <td>{r.stageLabel ?? '—'}</td>
                  <td className="report-table__text">{r.rationale}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}

      {d.evidence.length > 0 ? (
        <>
          <h4>Evidence cited</h4>
          <ul>
            {d.evidence.map((e) => (
              <li key={`${e.participant}-${e.url}`}>
                {/* Defence in depth: the server only accepts http(s) evidence, but a link is never
                    rendered for anything else (a javascript: URL would run in this origin). */}
                {/^https?:\/\//i.test(e.url) ? (
                  <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                    {e.title || e.url}
                  </a>
                ) : (
                  <span>{e.title || e.url}</span>
                )}{' '}
                ({e.participant}){e.note ? ` — ${e.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.keyComments.length > 0 ? (
        <>
          <h4>Key comments</h4>
          <ul>
            {d.keyComments.map((k) => (
              <li key={`${k.participant}-${k.createdAt}`}>
                <strong>{k.participant}:</strong> {k.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ActionPlan model={model} dimension={d} canEdit={canEdit} onChanged={onPlanChanged} />
    </section>
  );
}
