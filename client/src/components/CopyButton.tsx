import { useState } from 'react';
import { useAnnouncer } from './Announcer';
import { Button, type ButtonVariant } from './Button';

export interface CopyButtonProps {
  text: string;
  /** Visible label, e.g. "Copy link". */
  label?: string;
  variant?: ButtonVariant;
}

/**
 * Copies `text` to the clipboard and says so (visibly and to screen readers). Where the clipboard
 * API is refused (http:// on a LAN, old browsers) it says so too: the text must also be shown on
 * the page so it can be selected by hand.
 */
export function CopyButton({ text, label = 'Copy', variant = 'secondary' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const announce = useAnnouncer();
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      announce('Copied to the clipboard.');
    } catch {
      setState('failed');
      announce('Could not copy automatically. Select the text and copy it yourself.');
    }
  }
  return (
    <span className="cluster">
      <Button variant={variant} onPress={copy}>
        {label}
      </Button>
      {state === 'copied' ? <span aria-hidden="true">✓ Copied</span> : null}
      {state === 'failed' ? <span aria-hidden="true">Copy failed — select the text and copy it</span> : null}
    </span>
  );
}
