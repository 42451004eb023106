import { useId, useMemo, useState } from 'react';
import { evidenceUrlSchema, type MemberDoc, type MemberEvidence } from '../../../shared/docs/memberDoc';
import { Limits } from '../../../shared/domain';
import { useDraftField } from './useDraftField';

interface Fields {
  url: string;
  title: string;
  note: string;
}
const EMPTY: Fields = { url: '', title: '', note: '' };

/** Member-doc draft key of the half-filled evidence form of one dimension. */
export const evidenceDraftKey = (dimensionId: string) => `evidence:${dimensionId}`;

/** Drafts are plain strings in the member doc; the three fields travel as one JSON value. */
export function parseEvidenceDraft(raw: string): Fields {
  if (!raw) return EMPTY;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof Fields, unknown>>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return { url: str(v.url), title: str(v.title), note: str(v.note) };
  } catch {
    return EMPTY; // A corrupt draft is dropped rather than breaking the form.
  }
}
export function serializeEvidenceDraft(f: Fields): string {
  return f.url === '' && f.title === '' && f.note === '' ? '' : JSON.stringify(f);
}

interface Props {
  /** My member doc (for the draft), or null when there is none. */
  member: MemberDoc | null;
  dimensionId: string;
  items: Array<[string, MemberEvidence]>;
  onAdd: (entry: { url: string; title: string; note: string }) => void;
  onRemove: (id: string) => void;
  disabled: boolean;
}

/** Evidence links attached to my rating: URL + title + note; invalid URLs are flagged inline. */
export function EvidenceEditor({ member, dimensionId, items, onAdd, onRemove, disabled }: Props) {
  const id = useId();
  const key = evidenceDraftKey(dimensionId);
  // Half-filled fields live in my member doc (IndexedDB + sync), like rationale and comment drafts,
  // so a reload or a crash never loses a URL someone went looking for. The field state is the draft's
  // raw string, so a newer draft arriving by sync is compared and adopted as one value.
  const draft = useDraftField(member, key);
  const fields = useMemo(() => parseEvidenceDraft(draft.value), [draft.value]);
  const { url, title, note } = fields;
  const change = (patch: Partial<Fields>) => draft.change(serializeEvidenceDraft({ ...fields, ...patch }));
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
            draft.clear();
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
              onChange={(e) => change({ url: e.target.value })}
              onBlur={draft.flush}
            />
            <p id={`${id}-url-msg`} className={showUrlError ? 'field__error' : 'field__description'}>
              {showUrlError ? 'Enter a full web address starting with https:// or http://' : 'A link to a document, page or file.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Evidence title</label>
            <input id={`${id}-title`} value={title} maxLength={Limits.evidenceTitleMax} onChange={(e) => change({ title: e.target.value })} onBlur={draft.flush} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Evidence note</label>
            <textarea id={`${id}-note`} rows={2} value={note} maxLength={Limits.evidenceNoteMax} onChange={(e) => change({ note: e.target.value })} onBlur={draft.flush} />
          </div>
          <button type="submit" className="button button--secondary">
            Add evidence
          </button>
        </form>
      )}
    </section>
  );
}
