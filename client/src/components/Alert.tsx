import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const defaultTitles: Record<AlertTone, string> = {
  info: 'Note',
  success: 'Done',
  warning: 'Warning',
  error: 'Error',
};

export interface AlertProps {
  tone?: AlertTone;
  /** Bold first line; defaults to the tone's word so meaning never rests on colour. */
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Announce it when it appears: 'assertive' → role="alert" (errors after a submit), 'polite' →
   * role="status". Leave undefined for messages present when the page loads.
   */
  live?: 'polite' | 'assertive';
}

/** A boxed message. For announcing without showing anything, use `useAnnouncer()` instead. */
export function Alert({ tone = 'info', title, children, live }: AlertProps) {
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role}>
      <p className="alert__title">{title ?? defaultTitles[tone]}</p>
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}
