import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** The dialog's heading; also its accessible name. */
  title: ReactNode;
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Escape / click outside closes it (default true). False for dialogs that must be answered. */
  isDismissable?: boolean;
  /** Fill the screen (the QR code for a projector). */
  fullScreen?: boolean;
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: focus moves in and is trapped, Escape closes it (when dismissable), focus
 * returns to the opener on close, and the page behind is inert but stays mounted — so nothing
 * half-typed behind a dialog is lost.
 */
export function Dialog({
  isOpen,
  onOpenChange,
  title,
  children,
  isDismissable = true,
  fullScreen,
  role = 'dialog',
}: DialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
      className={fullScreen ? 'dialog-overlay dialog-overlay--fullscreen' : 'dialog-overlay'}
    >
      <Modal>
        <AriaDialog role={role} className={fullScreen ? 'dialog dialog--fullscreen' : 'dialog'}>
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              {typeof children === 'function' ? children(close) : children}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
