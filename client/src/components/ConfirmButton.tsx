import { type ReactNode, useState } from 'react';
import { Button, type ButtonVariant } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmButtonProps {
  /** The visible text of the opening button. */
  children: ReactNode;
  /** Accessible name of the opening button when its text alone is ambiguous ("Remove" → "Remove Pat"). */
  'aria-label'?: string;
  /** Dialog heading, a question ("Remove Pat?"). */
  title: string;
  /** What happens if confirmed, in a sentence. */
  message: ReactNode;
  /** The confirming button's text: names the action, never just "OK". */
  confirmLabel: string;
  onConfirm: () => unknown;
  /** Look of the opening button (default 'quiet'); the confirming button is always 'danger'. */
  variant?: ButtonVariant;
  /** The confirmed action is running: the opening button shows a spinner and ignores presses. */
  isPending?: boolean;
}

/**
 * A quiet button that asks before doing something that cannot be undone, in the app's accessible
 * alert dialog (focus moves in, Escape or Cancel backs out, focus returns to the button) — not
 * `window.confirm`, which cannot be styled, ignores the page's language and blocks every tab's script.
 */
export function ConfirmButton({
  children,
  'aria-label': ariaLabel,
  title,
  message,
  confirmLabel,
  onConfirm,
  variant = 'quiet',
  isPending,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onPress={() => setOpen(true)} aria-label={ariaLabel} isPending={isPending}>
        {children}
      </Button>
      <Dialog isOpen={open} onOpenChange={setOpen} title={title} role="alertdialog">
        <p>{message}</p>
        <div className="cluster">
          <Button
            variant="danger"
            onPress={() => {
              setOpen(false);
              void onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
