import type { ConsensusHistoryEntry, ConsensusRecordView } from '../../../shared/consensusApi';
import { countOf } from '../pages/format';

interface Props {
  record: ConsensusRecordView | undefined;
  nameOf: (memberId: string | null) => string;
  stageName: (stageId: string | null) => string;
  headingId: string;
}

const when = (at: number) => new Date(at).toLocaleString();

function describe(entry: ConsensusHistoryEntry, stageName: Props['stageName']): string {
  const after = (entry.after ?? {}) as {
    stage?: string;
    revision?: number;
    reason?: string;
    contentHash?: string;
  };
  switch (entry.action) {
    case 'consensus.edit':
      return `edited the draft (stage: ${stageName(after.stage ?? null)})`;
    case 'consensus.lock':
      return `locked revision ${after.revision} at ${stageName(after.stage ?? null)} — fingerprint ${after.contentHash?.slice(0, 12)}…`;
    case 'consensus.unlock':
      return `unlocked it, starting revision ${after.revision}. Reason: “${after.reason}”`;
    case 'consensus.not_assessed':
      return `marked it not assessed. Reason: “${after.reason}”`;
    case 'consensus.not_assessed_clear':
      return 'removed the “not assessed” mark';
  }
}

/**
 * The record's history, oldest first: every edit, lock and unlock with its reason. Locks and
 * unlocks are what an accreditor asks about, so they are listed in full; edits are summarized.
 */
export function ConsensusHistory({ record, nameOf, stageName, headingId }: Props) {
  if (!record || record.history.length === 0) return null;
  return (
    <details className="consensus-history">
      <summary>
        <span id={headingId}>History ({countOf(record.history.length, 'change')})</span>
      </summary>
      <ol aria-labelledby={headingId}>
        {record.history.map((entry) => (
          <li key={entry.id}>
            <time dateTime={new Date(entry.at).toISOString()}>{when(entry.at)}</time>: {nameOf(entry.by)}{' '}
            {describe(entry, stageName)}
          </li>
        ))}
      </ol>
      {record.locks.some((l) => !l.hashVerified) && (
        <p role="alert">
          Warning: a locked record no longer matches its fingerprint. Report this to your administrator.
        </p>
      )}
    </details>
  );
}
