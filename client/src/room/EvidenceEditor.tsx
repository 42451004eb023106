import { useId, useState } from 'react';
import { evidenceUrlSchema, type MemberEvidence } from '../../../shared/docs/memberDoc';
import { Limits } from '../../../shared/domain';

interface Props {
  items: Array<[string, MemberEvidence]>;
  onAdd: (entry: { url: string; title: string; note: string }) => void;
  onRemove: (id: string) => void;
  disabled: boolean;
}

/** Evidence links attached to my rating: URL + title + note; invalid URLs are flagged inline. */
export function EvidenceEditor({ items, onAdd, onRemove, disabled }: Props) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const urlOk = evidenceUrlSchema.safeParse(url.trim()).success;
  const showUrlError = (tried || url.trim() !== '') && !urlOk;
  const full = items.length >= Limits.evidencePerRatingMax;

  return (
    <section aria-labelledby={`${id}-h`} className="evidence">
      <h3 id={`${id}-h`}>My evidence</h3>
      {items.length === 0 ? (
        <p className="muted">No evidence yet.</p>
      ) : (
        <ul className="evidence__list">
          {items.map(([key, e]) => (
            <li key={key}>
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                {e.title || e.url}
              </a>
              {e.note && <span className="evidence__note"> — {e.note}</span>}{' '}
              {!disabled && (
                <button type="button" className="button button--quiet" onClick={() => onRemove(key)}>
                  Remove<span className="visually-hidden"> {e.title || e.url}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && !full && (
        <form
          className="evidence__form"
          aria-label="Add evidence"
          onSubmit={(ev) => {
            ev.preventDefault();
            setTried(true);
            if (!urlOk) return;
            onAdd({ url: url.trim(), title: title.trim().slice(0, Limits.evidenceTitleMax), note: note.slice(0, Limits.evidenceNoteMax) });
            setUrl('');
            setTitle('');
            setNote('');
            setTried(false);
          }}
        >
          <div className="field" data-invalid={showUrlError || undefined}>
            <label htmlFor={`${id}-url`}>Evidence URL</label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              value={url}
              maxLength={Limits.evidenceUrlMax}
              aria-invalid={showUrlError || undefined}
              aria-describedby={`${id}-url-msg`}
              onChange={(e) => setUrl(e.target.value)}
            />
            <p id={`${id}-url-msg`} className={showUrlError ? 'field__error' : 'field__description'}>
              {showUrlError ? 'Enter a full web address starting with https:// or http://' : 'A link to a document, page or file.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Evidence title</label>
            <input id={`${id}-title`} value={title} maxLength={Limits.evidenceTitleMax} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Evidence note</label>
            <textarea id={`${id}-note`} rows={2} value={note} maxLength={Limits.evidenceNoteMax} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button button--secondary">
            Add evidence
          </button>
        </form>
      )}
    </section>
  );
}
