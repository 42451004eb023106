import type { CreatedInvite } from '../../api/types';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

export interface InviteQrDialogProps {
  invite: CreatedInvite | null;
  onClose: () => void;
}

/** "localhost:3000/join/abc…" — what people type if they can't scan: no scheme, no noise. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/**
 * Full-screen QR code for the projector. The SVG comes from the server; it is shown through <img>
 * (a data: URL) rather than injected into the DOM, so even a malformed SVG can't run script here.
 */
export function InviteQrDialog({ invite, onClose }: InviteQrDialogProps) {
  return (
    <Dialog isOpen={invite !== null} onOpenChange={(open) => !open && onClose()} title="Scan to join" fullScreen>
      {(close) =>
        invite ? (
          <>
            <img
              className="qr-image"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(invite.qrSvg)}`}
              alt={`QR code for the invite link ${invite.url}`}
            />
            <p className="qr-url">{shortUrl(invite.url)}</p>
            <Button onPress={close}>Close</Button>
          </>
        ) : null
      }
    </Dialog>
  );
}
