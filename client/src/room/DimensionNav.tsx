import { Link } from 'react-router';
import { useDocSelector, useDocVersion, useWorkshopDoc } from '../sync/hooks';
import { type DimensionSummary, statusLabel, summarize } from './model';
import { dimensionPath, useRoom } from './RoomContext';
import { countOf } from '../pages/format';

/** Categories → dimensions, each a link named by its title, with its state and counts. */
export function DimensionNav({ currentId }: { currentId: string | null }) {
  const { rubric, connection, workshopId, myMemberId } = useRoom();
  // The summary reads both docs: re-derive when either changes.
  const memberVersion = useDocVersion(connection.member?.doc ?? null);
  const summaries = useDocSelector(
    useWorkshopDoc(connection),
    (w) => new Map(summarize(rubric, w, connection.member, myMemberId).map((s) => [s.id, s])),
    new Map<string, DimensionSummary>(),
    [memberVersion, rubric, myMemberId],
  );
  return (
    <nav className="dimension-nav" aria-label="Dimensions">
      {rubric.categories.map((c) => (
        <div key={c.id} className="dimension-nav__category">
          <h2 className="dimension-nav__title">{c.title}</h2>
          <ul>
            {c.dimensions.map((d) => {
              const s = summaries.get(d.id);
              return (
                <li key={d.id}>
                  <Link
                    to={dimensionPath(workshopId, d.id)}
                    aria-current={d.id === currentId ? 'page' : undefined}
                    aria-describedby={`nav-state-${d.id}`}
                    className={`dimension-nav__link status-${s?.status ?? 'not-rated'}`}
                  >
                    {d.title}
                  </Link>
                  <span id={`nav-state-${d.id}`} className="dimension-nav__state">
                    <span className="status-icon" aria-hidden="true" /> {statusLabel[s?.status ?? 'not-rated']} · {s?.ratedCount ?? 0} rated ·{' '}
                    {countOf(s?.commentCount ?? 0, 'comment')}
                    {s && s.newCommentCount > 0 && <span className="badge badge--new"> {s.newCommentCount} new</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
