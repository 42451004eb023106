import { useEffect, useId, useRef, useState } from 'react';
import type { MemberDoc } from '../../../shared/docs/memberDoc';
import { Limits } from '../../../shared/domain';
import { useDocSelector } from '../sync/hooks';
import { readDraft, useDebouncedWrite, writeDraft } from './useMemberWrites';

interface Props {
  member: MemberDoc;
  dimensionId: string;
  /** The saved rationale (from my member doc). */
  saved: string;
  onSave: (text: string) => void;
  disabled: boolean;
  onTypingChange?: (typing: boolean) => void;
}

/**
 * "Rationale", autosaved as I type. Over the limit the text stays in the box (never truncated, so a
 * paste is not lost) with a visible message, and the rating is not saved until it fits. Meanwhile the
 * over-long text is kept as a draft in my member doc (`rationale:<dimensionId>`, like comment drafts),
 * so a reload shows it again; the draft is deleted when a fitting text is saved.
 */
export function RationaleField({ member, dimensionId, saved, onSave, disabled, onTypingChange }: Props) {
  const id = useId();
  const draftKey = `rationale:${dimensionId}`;
  const kept = useDocSelector(member, (m) => readDraft(m, draftKey), '', [draftKey]);
  // A kept over-long text is newer than the saved rationale: it was typed over it.
  const shown = kept || saved;
  const [text, setText] = useState(shown);
  const focused = useRef(false);
  const { schedule, flush } = useDebouncedWrite((next) =>
    member.doc.transact(() => {
      if (next.length > Limits.rationaleMax) {
        writeDraft(member, draftKey, next);
      } else {
        onSave(next);
        writeDraft(member, draftKey, '');
      }
    }),
  );
  const tooLong = text.length > Limits.rationaleMax;

  // Follow the doc (another tab, a late IndexedDB load) only while I am not editing.
  useEffect(() => {
    if (!focused.current) setText(shown);
  }, [shown]);

  return (
    <div className="field" data-invalid={tooLong || undefined}>
      <label htmlFor={id}>Rationale</label>
      <textarea
        id={id}
        rows={4}
        value={text}
        disabled={disabled}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-help`}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          flush();
          onTypingChange?.(false);
        }}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          onTypingChange?.(true);
          schedule(next);
        }}
      />
      <p id={`${id}-help`} className={tooLong ? 'field__error' : 'field__description'} aria-live="polite">
        {tooLong
          ? `Too long to save: ${text.length.toLocaleString()} of ${Limits.rationaleMax.toLocaleString()} characters. Shorten it — your text is kept here.`
          : 'Saved as you type, also offline.'}
      </p>
    </div>
  );
}
