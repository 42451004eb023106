import { useState } from 'react';
import { ApiRequestError } from '../api';
import { Alert, Button, Dialog } from '../components';

interface Props {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  dimensionTitle: string;
  stageLabel: string;
  onConfirm: () => Promise<void>;
}

/** Confirms a lock: it is the institution's official result, so it is never one click away. */
export function LockDialog({ isOpen, onOpenChange, dimensionTitle, stageLabel, onConfirm }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title="Lock this consensus?" role="alertdialog">
      {(close) => (
        <>
          <p>
            Lock <strong>{dimensionTitle}</strong> at <strong>{stageLabel}</strong>? The record, with
            everyone's final and first-round ratings, is sealed. Nobody can change it; unlocking needs a
            written reason and stays in the history.
          </p>
          {error && (
            <Alert tone="error" live="assertive">
              {error}
            </Alert>
          )}
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              Cancel
            </Button>
            <Button
              isPending={busy}
              onPress={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                  setError(undefined);
                  close();
                } catch (err) {
                  setError(
                    err instanceof ApiRequestError ? err.message : 'The lock did not go through. Try again.',
                  );
                } finally {
                  setBusy(false);
                }
              }}
            >
              Lock consensus
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
