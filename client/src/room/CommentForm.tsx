import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { evidenceUrlSchema, type MemberDoc } from '../../../shared/docs/memberDoc';
import { type CommentUsage, commentChars, commentFits } from '../../../shared/docs/memberShare';
import { Limits } from '../../../shared/domain';
import { useDocSelector } from '../sync/hooks';
import { linkDraftKey, parseLinkDraft, serializeLinkDraft } from './commentDraft';
import { KeptDraftActions } from './KeptDraftActions';
import { useRoom } from './RoomContext';
import { useDraftField } from './useDraftField';

interface Props {
  /**
   * Draft key in my member doc (see commentDraft.ts), so half-typed text and its link survive reloads.
   * Editing a posted comment starts from a draft seeded with it (`startEditDraft`).
   */
  draftKey: string;
  label: string;
  submitLabel: string;
  onSubmit: (text: string, evidence: Array<{ url: string; title: string }>) => void;
  onCancel?: () => void;
  /** Cancel throws the draft away (an edit: the posted text is still there) rather than keeping it. */
  discardOnCancel?: boolean;
  onTypingChange?: (typing: boolean) => void;
  /** Editing a posted comment: its characters, which the new version replaces in my share (PROJ10). */
  replacesChars?: number;
  /**
   * The discussion closed (locked, finalized, read-only) while this form was open or held a draft: what
   * was typed stays on screen read-only under `closedLabel`, with Copy and Discard; nothing is shown
   * when nothing was typed.
   */
  closed?: boolean;
  closedLabel?: string;
  /** Called after Discard, once the form is gone, to put focus somewhere sensible. */
  onDiscarded?: () => void;
  /**
   * Moves focus to the text box on mount and whenever it changes, if non-zero: the user asked for
   * this form (Reply, Edit), and the button they used may be gone. Zero on forms shown by themselves.
   */
  focusSignal?: number;
}

const NO_USAGE: CommentUsage = { comments: 0, chars: 0 };

/** What my comments use of my share of the workshop doc, counted as the server counts it. */
function commentUsage(member: MemberDoc): CommentUsage {
  let chars = 0;
  const all = member.validComments();
  for (const c of all.values()) chars += commentChars(c);
  return { comments: all.size, chars };
}

export function CommentForm(props: Props) {
  const { draftKey, label, submitLabel, onSubmit, onCancel, discardOnCancel, onTypingChange, replacesChars } = props;
  const { closed = false, closedLabel = 'Your unposted comment', onDiscarded, focusSignal = 0 } = props;
  const { connection } = useRoom();
  const member = connection.member;
  const id = useId();
  const draft = useDraftField(member, draftKey);
  const text = draft.value;
  // The link's URL and title travel as one JSON draft, so a newer one from sync is adopted whole.
  const linkDraft = useDraftField(member, linkDraftKey(draftKey));
  const link = useMemo(() => parseLinkDraft(linkDraft.value), [linkDraft.value]);
  const { url, title } = link;
  const setUrl = (next: string) => linkDraft.change(serializeLinkDraft({ ...link, url: next }));
  const setTitle = (next: string) => linkDraft.change(serializeLinkDraft({ ...link, title: next }));
  const [linkOpened, setShowLink] = useState(false);
  const showLink = linkOpened || url !== '' || title !== '';
  /** Empties the form and deletes its drafts at once (after a submit, a discard, an edit's cancel). */
  const clearAll = () => {
    draft.clear();
    linkDraft.clear();
    setShowLink(false);
  };

  const tooLong = text.length > Limits.commentMax;
  const urlGiven = url.trim() !== '';
  const urlOk = !urlGiven || evidenceUrlSchema.safeParse(url.trim()).success;
  // The server leaves out comments past my share (PROJ10); refusing here keeps the text in the form.
  const usage = useDocSelector(member, commentUsage, NO_USAGE);
  const mine = replacesChars === undefined ? usage : { comments: usage.comments - 1, chars: usage.chars - replacesChars };
  // What a submit would post, measured as the server measures it.
  const evidence = urlGiven ? [{ url: url.trim(), title: title.trim().slice(0, Limits.evidenceTitleMax) }] : [];
  const overShare = !tooLong && !commentFits(mine, commentChars({ text: text.trim(), deleted: false, evidence }));
  const canSubmit = !closed && text.trim() !== '' && !tooLong && !overShare && urlOk;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { flush } = draft;
  const { flush: flushLink } = linkDraft;
  // Closing cannot wait for the debounce: write what was typed now, so it is kept if the page goes.
  useEffect(() => {
    if (!closed) return;
    flush();
    flushLink();
  }, [closed, flush, flushLink]);
  useEffect(() => {
    const box = textarea.current;
    if (focusSignal === 0 || !box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length); // go on typing where the text ends
  }, [focusSignal]);

  if (closed && text === '' && url === '' && title === '') return null;
  const linkShown = showLink && (!closed || url !== '' || title !== '');

  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSubmit) return; // also Enter in a field of a closed form
        onSubmit(text.trim(), evidence);
        clearAll();
        onTypingChange?.(false);
      }}
    >
      <div className="field" data-invalid={tooLong || overShare || undefined}>
        <label htmlFor={`${id}-text`}>{closed ? closedLabel : label}</label>
        <textarea
          ref={textarea}
          id={`${id}-text`}
          rows={3}
          value={text}
          readOnly={closed}
          aria-invalid={(!closed && (tooLong || overShare)) || undefined}
          aria-describedby={closed ? `${id}-closed` : tooLong || overShare ? `${id}-err` : undefined}
          onChange={(e) => {
            draft.change(e.target.value);
            onTypingChange?.(e.target.value !== '');
          }}
          onBlur={() => {
            draft.flush();
            onTypingChange?.(false);
          }}
        />
        {/* Rendered while open too, so the sentence is announced when the discussion closes. */}
        <p id={`${id}-closed`} role="status" className="field__description">
          {closed && 'The discussion closed before this was posted. It is kept here, read-only, so you can copy it.'}
        </p>
        {!closed && tooLong && (
          <p id={`${id}-err`} className="field__error" role="alert">
            Too long to post: {text.length.toLocaleString()} of {Limits.commentMax.toLocaleString()} characters. Your text is kept here.
          </p>
        )}
        {!closed && overShare && (
          <p id={`${id}-err`} className="field__error" role="alert">
            You have reached your share of this workshop's discussion ({Limits.commentsPerMemberMax.toLocaleString()} comments or{' '}
            {Limits.commentCharsPerMemberMax.toLocaleString()} characters). Shorten or delete one of your earlier comments to post this one. Your text
            is kept here.
          </p>
        )}
      </div>
      {linkShown ? (
        <div className="comment-form__link">
          <div className="field" data-invalid={!urlOk || undefined}>
            <label htmlFor={`${id}-url`}>Link URL</label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              value={url}
              readOnly={closed}
              maxLength={Limits.evidenceUrlMax}
              aria-invalid={!urlOk || undefined}
              aria-describedby={`${id}-url-msg`}
              onChange={(e) => setUrl(e.target.value)}
              onBlur={linkDraft.flush}
            />
            <p id={`${id}-url-msg`} className={urlOk ? 'field__description' : 'field__error'}>
              {urlOk ? 'Evidence for your comment (optional).' : 'Enter a full web address starting with https:// or http://'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Link title</label>
            <input
              id={`${id}-title`}
              value={title}
              readOnly={closed}
              maxLength={Limits.evidenceTitleMax}
              onChange={(e) => setTitle(e.target.value)}
              onBlur={linkDraft.flush}
            />
          </div>
        </div>
      ) : (
        !closed && (
          <button type="button" className="button button--quiet" onClick={() => setShowLink(true)}>
            Add an evidence link
          </button>
        )
      )}
      {closed ? (
        <KeptDraftActions
          copyText={urlGiven ? `${text}\n${title.trim() ? `${title.trim()}: ` : ''}${url.trim()}` : text}
          textarea={textarea}
          what={closedLabel.toLowerCase()}
          onDiscard={() => {
            clearAll();
            onDiscarded?.();
          }}
        />
      ) : (
        <div className="comment-form__actions">
          <button type="submit" className="button" disabled={!canSubmit}>
            {submitLabel}
          </button>
          {onCancel && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (discardOnCancel) clearAll();
                onCancel();
              }}
            >
              Cancel
            </button>
          )}
        </div>
      )}
    </form>
  );
}
