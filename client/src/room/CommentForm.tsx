import { useId, useState } from 'react';
import { evidenceUrlSchema } from '../../../shared/docs/memberDoc';
import { Limits } from '../../../shared/domain';
import { useRoom } from './RoomContext';
import { useDraftField } from './useDraftField';

interface Props {
  /** Draft key in my member doc, so half-typed text survives reloads. Null: no draft (editing). */
  draftKey: string | null;
  label: string;
  submitLabel: string;
  initialText?: string;
  initialLink?: { url: string; title: string } | null;
  onSubmit: (text: string, evidence: Array<{ url: string; title: string }>) => void;
  onCancel?: () => void;
  onTypingChange?: (typing: boolean) => void;
}

export function CommentForm({ draftKey, label, submitLabel, initialText, initialLink, onSubmit, onCancel, onTypingChange }: Props) {
  const { connection } = useRoom();
  const member = connection.member;
  const id = useId();
  // Editing a posted comment (initialText) starts from that text and never follows a draft.
  const draft = useDraftField(member, initialText === undefined ? draftKey : null, initialText ?? '');
  const text = draft.value;
  const [url, setUrl] = useState(initialLink?.url ?? '');
  const [title, setTitle] = useState(initialLink?.title ?? '');
  const [showLink, setShowLink] = useState(Boolean(initialLink));

  const tooLong = text.length > Limits.commentMax;
  const urlGiven = url.trim() !== '';
  const urlOk = !urlGiven || evidenceUrlSchema.safeParse(url.trim()).success;
  const canSubmit = text.trim() !== '' && !tooLong && urlOk;

  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSubmit) return;
        onSubmit(text.trim(), urlGiven ? [{ url: url.trim(), title: title.trim().slice(0, Limits.evidenceTitleMax) }] : []);
        draft.clear();
        setUrl('');
        setTitle('');
        setShowLink(false);
        onTypingChange?.(false);
      }}
    >
      <div className="field" data-invalid={tooLong || undefined}>
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          aria-invalid={tooLong || undefined}
          aria-describedby={tooLong ? `${id}-err` : undefined}
          onChange={(e) => {
            draft.change(e.target.value);
            onTypingChange?.(e.target.value !== '');
          }}
          onBlur={() => {
            draft.flush();
            onTypingChange?.(false);
          }}
        />
        {tooLong && (
          <p id={`${id}-err`} className="field__error" role="alert">
            Too long to post: {text.length.toLocaleString()} of {Limits.commentMax.toLocaleString()} characters. Your text is kept here.
          </p>
        )}
      </div>
      {showLink ? (
        <div className="comment-form__link">
          <div className="field" data-invalid={!urlOk || undefined}>
            <label htmlFor={`${id}-url`}>Link URL</label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              value={url}
              maxLength={Limits.evidenceUrlMax}
              aria-invalid={!urlOk || undefined}
              aria-describedby={`${id}-url-msg`}
              onChange={(e) => setUrl(e.target.value)}
            />
            <p id={`${id}-url-msg`} className={urlOk ? 'field__description' : 'field__error'}>
              {urlOk ? 'Evidence for your comment (optional).' : 'Enter a full web address starting with https:// or http://'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Link title</label>
            <input id={`${id}-title`} value={title} maxLength={Limits.evidenceTitleMax} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setShowLink(true)}>
          Add an evidence link
        </button>
      )}
      <div className="comment-form__actions">
        <button type="submit" className="button" disabled={!canSubmit}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
