import { useCallback } from 'react';
import type { MemberDoc, MemberEvidence } from '../../../shared/docs/memberDoc';
import type { RubricDimension } from '../../../rubric/schema';
import { useDocSelector } from '../sync/hooks';
import { EvidenceEditor } from './EvidenceEditor';
import { RationaleField } from './RationaleField';
import { StageRating } from './StageRating';
import { useRoom } from './RoomContext';
import { newEntryId } from './useMemberWrites';

interface Props {
  member: MemberDoc;
  dimension: RubricDimension;
  allowNotSure: boolean;
  locked: boolean;
  /** The workshop is finalized: nothing can change any more. */
  finalized: boolean;
  onTypingChange: (typing: boolean) => void;
}

/** My private rating of one dimension: stage, rationale, evidence — all in my member doc. */
export function MyRating({ member, dimension, allowNotSure, locked, finalized, onTypingChange }: Props) {
  const { canWrite } = useRoom();
  const rating = useDocSelector(member, (m) => m.getRating(dimension.id), null, [dimension.id]);
  const evidence = useDocSelector(
    member,
    (m) => [...m.validEvidence()].filter(([, e]) => e.dimensionId === dimension.id).sort((a, b) => a[1].createdAt - b[1].createdAt),
    [] as Array<[string, MemberEvidence]>,
    [dimension.id],
  );

  // Read-modify-write of the whole entry: the member doc holds plain JSON values, one per dimension.
  const write = useCallback(
    (patch: { stage?: string | null; rationale?: string }) => {
      const current = member.getRating(dimension.id);
      member.setRating(dimension.id, {
        stage: patch.stage !== undefined ? patch.stage : (current?.stage ?? null),
        rationale: patch.rationale !== undefined ? patch.rationale : (current?.rationale ?? ''),
        updatedAt: Date.now(),
      });
    },
    [member, dimension.id],
  );

  const disabled = !canWrite || locked || finalized;
  return (
    <section className="my-rating" aria-label="My rating">
      {finalized ? (
        <p className="alert alert--info">This workshop is finalized: ratings, evidence and comments are read-only.</p>
      ) : (
        locked && <p className="alert alert--info">This dimension is locked: ratings can no longer change.</p>
      )}
      <StageRating
        dimension={dimension}
        value={rating?.stage ?? null}
        allowNotSure={allowNotSure}
        disabled={disabled}
        onChange={(stage) => write({ stage })}
      />
      <RationaleField
        key={dimension.id}
        member={member}
        dimensionId={dimension.id}
        saved={rating?.rationale ?? ''}
        disabled={disabled}
        onSave={(rationale) => write({ rationale })}
        onTypingChange={onTypingChange}
      />
      <EvidenceEditor
        key={`evidence-${dimension.id}`}
        member={member}
        dimensionId={dimension.id}
        items={evidence}
        disabled={disabled}
        onAdd={(e) => member.evidence.set(newEntryId(), { dimensionId: dimension.id, ...e, createdAt: Date.now() })}
        onRemove={(id) => member.evidence.delete(id)}
      />
    </section>
  );
}
