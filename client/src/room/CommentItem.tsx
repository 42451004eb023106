import { useEffect, useRef, useState } from 'react';
import { REACTION_EMOJI } from '../../../shared/docs/memberDoc';
import { commentChars } from '../../../shared/docs/memberShare';
import { splitKey } from '../../../shared/docs/workshopDoc';
import { useDocSelector } from '../sync/hooks';
import { editDraftKey, hasCommentDraft, linkDraftKey, parseLinkDraft, startEditDraft } from './commentDraft';
import { CommentForm } from './CommentForm';
import { ConfirmButton } from '../components/ConfirmButton';
import { useRoom } from './RoomContext';
import { readDraft, writeDraft } from './useMemberWrites';
import { focusAfterDialog } from './useFocusRescue';
import type { ThreadComment } from './useThread';

const emojiName: Record<string, string> = { '👍': 'thumbs up', '❤️': 'heart', '🤔': 'thinking', '🎯': 'on target', '❓': 'question' };

interface Props {
  comment: ThreadComment;
  lastVisit: number | null;
  locked: boolean;
  /** Gets the Reply button pressed, to give focus back to it when the reply form closes. */
  onReply?: (button: HTMLElement) => void;
  /** I have an unposted reply in this thread, its form closed: the button says so ("Continue reply"). */
  replyDrafted?: boolean;
}

export function CommentItem({ comment, lastVisit, locked, onReply, replyDrafted = false }: Props) {
  const { connection, canWrite } = useRoom();
  const { member, workshop } = connection;
  const [editing, setEditing] = useState(false);
  // Focus follows the user's own actions: into the edit box on Edit, back to Edit on Save or Cancel,
  // to the comment itself ("Comment deleted.") after Delete — never to <body> with the button that had it.
  const [editFocus, setEditFocus] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnToEdit = useRef(false);
  const self = useRef<HTMLDivElement>(null);
  const closeEdit = () => {
    returnToEdit.current = true;
    setEditing(false);
  };
  useEffect(() => {
    if (editing || !returnToEdit.current) return;
    returnToEdit.current = false;
    editButton.current?.focus();
  }, [editing]);
  const author = useDocSelector(workshop, (w) => w.members().get(comment.memberId)?.name ?? 'Former member', '', [comment.memberId]);
  const counts = useDocSelector(workshop, (w) => w.reactions(comment.key), {} as Record<string, number>, [comment.key]);
  const myReactions = useDocSelector(
    member,
    (m) => new Set([...m.validReactions().values()].filter((r) => r.commentKey === comment.key).map((r) => r.emoji as string)),
    new Set<string>(),
    [comment.key],
  );
  const isNew = !comment.mine && !comment.deleted && (lastVisit === null || comment.createdAt > lastVisit);
  const writable = canWrite && !locked && member !== null;
  const [, commentId] = splitKey(comment.key);
  const editKey = editDraftKey(commentId);
  // An edit draft in my member doc means I was editing this comment: a reload (or another of my tabs)
  // reopens the edit with what I had typed. Closing the edit deletes the draft.
  const editDrafted = useDocSelector(member, (m) => comment.mine && hasCommentDraft(m, editKey), false, [comment.mine, editKey]);
  useEffect(() => {
    if (editDrafted) setEditing(true);
  }, [editDrafted]);
  // An edit opened but not changed when the discussion closes is no "unsaved edit" to keep: drop it.
  // (The form has written what was typed by now: its effects run before this one.)
  const editLocked = editing && !writable;
  useEffect(() => {
    if (!editLocked || !member) return;
    const link = parseLinkDraft(readDraft(member, linkDraftKey(editKey)));
    const posted = comment.evidence[0] ?? { url: '', title: '' };
    if (readDraft(member, editKey) !== comment.text || link.url !== posted.url || link.title !== posted.title) return;
    writeDraft(member, editKey, '');
    writeDraft(member, linkDraftKey(editKey), '');
    setEditing(false);
  }, [editLocked, member, editKey, comment.text, comment.evidence]);

  const updateMine = (patch: { text?: string; evidence?: Array<{ url: string; title: string }>; deleted?: boolean }) => {
    if (!member) return;
    const current = member.validComments().get(commentId);
    if (!current) return;
    member.comments.set(commentId, { ...current, ...patch, editedAt: Date.now() });
  };

  if (comment.deleted) {
    return (
      <div className="comment comment--deleted" ref={self} tabIndex={-1}>
        <p className="muted">Comment deleted.</p>
      </div>
    );
  }
  return (
    <div className={`comment${isNew ? ' comment--new' : ''}`} ref={self} tabIndex={-1}>
      <p className="comment__meta">
        <strong>{comment.mine ? `${author} (you)` : author}</strong>{' '}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{new Date(comment.createdAt).toLocaleString()}</time>
        {comment.editedAt && <span className="muted"> · edited</span>}
        {comment.pending && <span className="badge"> · not yet synced</span>}
        {isNew && <span className="badge badge--new">New</span>}
      </p>
      {editing ? (
        <CommentForm
          draftKey={editKey}
          label="Edit comment"
          submitLabel="Save"
          discardOnCancel
          replacesChars={commentChars(comment)}
          closed={!writable}
          closedLabel="Your unsaved edit"
          focusSignal={editFocus}
          onDiscarded={() => {
            setEditing(false);
            focusAfterDialog(() => self.current);
          }}
          onCancel={closeEdit}
          onSubmit={(text, evidence) => {
            updateMine({ text, evidence });
            closeEdit();
          }}
        />
      ) : (
        <>
          <p className="comment__text">{comment.text}</p>
          {comment.evidence.length > 0 && (
            <ul className="comment__evidence" aria-label="Evidence links">
              {comment.evidence.map((e) => (
                <li key={e.url}>
                  <a href={e.url} target="_blank" rel="noopener noreferrer">
                    {e.title || e.url}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="comment__actions">
        {REACTION_EMOJI.map((emoji) => {
          const count = counts[emoji] ?? 0;
          const mine = myReactions.has(emoji);
          if (!writable && count === 0) return null;
          return (
            <button
              key={emoji}
              type="button"
              className="reaction"
              aria-pressed={mine}
              disabled={!writable}
              aria-label={`${emojiName[emoji]} (${count})`}
              onClick={() => {
                if (!member) return;
                const key = `${comment.key}:${emoji}`;
                if (mine) member.reactions.delete(key);
                else member.reactions.set(key, { commentKey: comment.key, emoji, createdAt: Date.now() });
              }}
            >
              <span aria-hidden="true">{emoji}</span> {count > 0 && <span aria-hidden="true">{count}</span>}
            </button>
          );
        })}
        {writable && onReply && (
          <button type="button" className="button button--quiet" onClick={(e) => onReply(e.currentTarget)}>
            {replyDrafted ? 'Continue reply' : 'Reply'}
          </button>
        )}
        {writable && comment.mine && !editing && (
          <>
            <button
              ref={editButton}
              type="button"
              className="button button--quiet"
              onClick={() => {
                if (!member) return;
                startEditDraft(member, commentId, comment.text, comment.evidence[0] ?? null);
                setEditing(true);
                setEditFocus((n) => n + 1);
              }}
            >
              Edit
            </button>
            <ConfirmButton
              title="Delete this comment?"
              message="It is replaced by “Comment deleted.” for everyone. Replies to it stay."
              confirmLabel="Delete comment"
              onConfirm={() => {
                updateMine({ deleted: true });
                focusAfterDialog(() => self.current);
              }}
            >
              Delete
            </ConfirmButton>
          </>
        )}
      </div>
    </div>
  );
}
