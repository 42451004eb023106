import { useEffect, useId, useRef, useState } from 'react';
import { Limits } from '../../../shared/domain';
import { useDebouncedWrite } from './useMemberWrites';

interface Props {
  /** The saved rationale (from my member doc). */
  saved: string;
  onSave: (text: string) => void;
  disabled: boolean;
  onTypingChange?: (typing: boolean) => void;
}

/**
 * "Rationale", autosaved as I type. Over the limit the text stays in the box (never truncated, so a
 * paste is not lost) with a visible message, and nothing is saved until it fits.
 */
export function RationaleField({ saved, onSave, disabled, onTypingChange }: Props) {
  const id = useId();
  const [text, setText] = useState(saved);
  const focused = useRef(false);
  const { schedule, flush } = useDebouncedWrite(onSave);
  const tooLong = text.length > Limits.rationaleMax;

  // Follow the saved value (another tab, a late IndexedDB load) only while I am not editing.
  useEffect(() => {
    if (!focused.current) setText(saved);
  }, [saved]);

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
          if (next.length <= Limits.rationaleMax) schedule(next);
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
