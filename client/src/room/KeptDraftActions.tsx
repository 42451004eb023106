import { type RefObject, useState } from 'react';
import { Button } from '../components/Button';
import { ConfirmButton } from '../components/ConfirmButton';

interface Props {
  /** What "Copy" puts on the clipboard: the text and, if any, the link. */
  copyText: string;
  /** The read-only text box, selected when the clipboard cannot be written, for Ctrl+C. */
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** What is thrown away, in words ("your unposted comment"). */
  what: string;
  onDiscard: () => void;
}

/**
 * Copy and Discard for a draft kept read-only after its discussion closed: the text cannot be posted
 * any more, so the user takes it elsewhere or lets it go — it is never dropped on their behalf.
 */
export function KeptDraftActions({ copyText, textarea, what, onDiscard }: Props) {
  const [status, setStatus] = useState('');
  const selectForManualCopy = () => {
    textarea.current?.focus();
    textarea.current?.select();
    setStatus('The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  };
  return (
    <div className="comment-form__actions">
      <Button
        variant="secondary"
        onPress={() => {
          if (!navigator.clipboard) return selectForManualCopy();
          navigator.clipboard
            .writeText(copyText)
            .then(() => setStatus('Copied to the clipboard.'), selectForManualCopy);
        }}
      >
        Copy text
      </Button>
      <ConfirmButton
        title={`Discard ${what}?`}
        message="The text is deleted from this browser and your other devices. This cannot be undone."
        confirmLabel="Discard text"
        onConfirm={onDiscard}
      >
        Discard
      </ConfirmButton>
      <p role="status" className="muted">
        {status}
      </p>
    </div>
  );
}
