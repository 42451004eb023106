import { useState } from 'react';
import { Limits } from '../../../shared/domain';
import { ApiRequestError } from '../api';
import { Button, Dialog, TextField } from '../components';

interface Props {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  explanation: string;
  confirmLabel: string;
  /** Resolves when done; a rejection shows its message and keeps the dialog (and the reason) open. */
  onConfirm: (reason: string) => Promise<void>;
}

/** Asks for a reason (unlock, "not assessed"); refuses one shorter than the server's minimum before sending. */
export function ReasonDialog({ isOpen, onOpenChange, title, explanation, confirmLabel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (close: () => void) => {
    if (reason.trim().length < Limits.reasonMin) {
      setError(`Give a reason of at least ${Limits.reasonMin} characters.`);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
      setError(undefined);
      close();
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={title}>
      {(close) => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(close);
          }}
        >
          <p>{explanation}</p>
          <TextField
            label="Reason"
            multiline
            rows={3}
            value={reason}
            onChange={setReason}
            maxLength={Limits.reasonMax}
            isRequired
            description={`At least ${Limits.reasonMin} characters. Everyone in the workshop can read it in the history.`}
            errorMessage={error}
          />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              Cancel
            </Button>
            <Button type="submit" isPending={busy}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
