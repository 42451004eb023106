import { useWorkshopProvider } from '../sync/hooks';
import { usePresence } from '../sync/presence';
import { findDimension } from './model';
import { useRoom } from './RoomContext';

/** Who is here now and on which dimension; observers are labelled as such. */
export function PresenceList() {
  const { connection, rubric, myMemberId } = useRoom();
  const people = usePresence(useWorkshopProvider(connection));
  return (
    <section className="presence" aria-labelledby="presence-h">
      <h2 id="presence-h">Here now ({people.length})</h2>
      <ul>
        {people.map((p) => {
          const where = p.dimensionId ? findDimension(rubric, p.dimensionId)?.dimension.title : null;
          return (
            <li key={p.memberId}>
              <span className="presence__name">{p.memberId === myMemberId ? `${p.name} (you)` : p.name}</span>
              {p.role === 'observer' && <span className="badge"> observer</span>}
              {p.role === 'facilitator' && <span className="badge"> facilitator</span>}
              {p.perspective && <span className="muted"> · {p.perspective}</span>}
              {where && <span className="muted"> · on {where}</span>}
              {p.typing && <span className="muted"> · typing…</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
