import { useCallback, useId, useRef, useState } from 'react';
import { useDocSelector } from '../sync/hooks';
import { commentDraftKey, hasCommentDraft, replyDraftKey } from './commentDraft';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { useRoom } from './RoomContext';
import { focusAfterDialog, useFocusRescue } from './useFocusRescue';
import { newEntryId } from './useMemberWrites';
import { useThread } from './useThread';
import { countOf } from '../pages/format';

interface Props {
  dimensionId: string;
  lastVisit: number | null;
  locked: boolean;
  /** Why a closed discussion is closed, so the sentence is true ("not assessed" is not "locked"). */
  closedBecause?: 'locked' | 'not-assessed' | 'finalized';
}

const closedText = {
  locked: 'This dimension is locked: the discussion is closed.',
  'not-assessed': 'This dimension was marked “not assessed”: the discussion is closed.',
  finalized: 'The workshop is finalized: the discussion is closed.',
} as const;

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * The comment thread of one dimension; open in every phase until the dimension is locked. When it
 * closes, what I had typed but not posted stays on screen read-only (CommentForm `closed`): locking
 * is someone else's action, and it must not take my text away mid-sentence.
 */
export function Discussion({ dimensionId, lastVisit, locked, closedBecause = 'locked' }: Props) {
  const { connection, canWrite } = useRoom();
  const member = connection.member;
  const id = useId();
  const thread = useThread(dimensionId);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  // Reply moves focus into the reply box (again, if that form was already open); closing the form
  // gives focus back to the Reply button that opened it.
  const [replyFocus, setReplyFocus] = useState(0);
  const replyOpener = useRef<HTMLElement | null>(null);
  const openReply = (key: string, button: HTMLElement) => {
    replyOpener.current = button;
    setReplyTo(key);
    setReplyFocus((n) => n + 1);
  };
  const closeReply = () => {
    setReplyTo(null);
    replyOpener.current?.focus();
  };
  const count = thread.reduce((n, c) => n + (c.deleted ? 0 : 1) + c.replies.filter((r) => !r.deleted).length, 0);
  const writable = canWrite && !locked && member !== null;
  // Threads I hold a reply draft for: once closed, those drafts are shown even if never opened here.
  const replyDrafts = useDocSelector(
    member,
    (m) => new Set(thread.map((c) => c.key).filter((k) => hasCommentDraft(m, replyDraftKey(k)))),
    NO_KEYS,
    [thread],
  );
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A kept draft is the best place for focus when the form around it lost a button; else the heading.
  const focusHome = useCallback(() => section.current?.querySelector<HTMLElement>('textarea[readonly]') ?? heading.current, []);
  useFocusRescue(section, focusHome);
  const afterDiscard = () => focusAfterDialog(focusHome);

  const post = (text: string, evidence: Array<{ url: string; title: string }>, parentKey: string | null) => {
    if (!member) return;
    member.comments.set(newEntryId(), { dimensionId, parentKey, text, evidence, createdAt: Date.now(), editedAt: null, deleted: false });
  };

  return (
    <section ref={section} className="discussion" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Discussion <span className="muted">({countOf(count, 'comment')})</span>
      </h3>
      {locked && <p className="muted">{closedText[closedBecause]}</p>}
      {thread.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="thread">
        {thread.map((c) => {
          // Every comment of a thread replies to its root, and says so while a reply to it waits unposted.
          const replyProps = {
            onReply: (b: HTMLElement) => openReply(c.key, b),
            replyDrafted: replyDrafts.has(c.key) && replyTo !== c.key,
          };
          return (
            <li key={c.key}>
              <CommentItem comment={c} lastVisit={lastVisit} locked={locked} {...replyProps} />
              {c.replies.length > 0 && (
                <ol className="thread thread--replies" aria-label="Replies">
                  {c.replies.map((r) => (
                    <li key={r.key}>
                      <CommentItem comment={r} lastVisit={lastVisit} locked={locked} {...replyProps} />
                    </li>
                  ))}
                </ol>
              )}
              {member !== null && (replyTo === c.key || (!writable && replyDrafts.has(c.key))) && (
                <CommentForm
                  draftKey={replyDraftKey(c.key)}
                  label="Reply"
                  submitLabel="Post reply"
                  closed={!writable}
                  closedLabel="Your unposted reply"
                  onDiscarded={afterDiscard}
                  focusSignal={replyTo === c.key ? replyFocus : 0}
                  onCancel={closeReply}
                  onSubmit={(text, evidence) => {
                    post(text, evidence, c.key);
                    closeReply();
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      {member !== null && (
        <CommentForm
          draftKey={commentDraftKey(dimensionId)}
          label="Comment"
          submitLabel="Post comment"
          closed={!writable}
          onDiscarded={afterDiscard}
          onSubmit={(t, e) => post(t, e, null)}
        />
      )}
    </section>
  );
}
