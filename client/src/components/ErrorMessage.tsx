import type { ReactNode } from 'react';
import { ApiRequestError } from '../api/client';
import { Alert } from './Alert';

const titles: Partial<Record<string, string>> = {
  network_error: 'Could not reach the server',
  unauthenticated: 'Please sign in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  gone: 'No longer available',
  conflict: 'Conflict',
  rate_limited: 'Too many attempts',
  validation_failed: 'Please check the form',
  payload_too_large: 'Too large',
};

export interface ErrorMessageProps {
  /** Anything caught; ApiRequestError gets a title from its code and the server's message. */
  error: unknown;
  /** What the person was doing: "Could not create the invite". Overrides the code's title. */
  title?: string;
  /** Extra help or a retry button. */
  children?: ReactNode;
  /** Announce on appearance (default true: errors usually follow an action). */
  announce?: boolean;
}

/** Shows a failed request as an error alert. Renders nothing when `error` is falsy. */
export function ErrorMessage({ error, title, children, announce = true }: ErrorMessageProps) {
  if (!error) return null;
  const message =
    error instanceof ApiRequestError
      ? error.message
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  const heading = title ?? (error instanceof ApiRequestError ? titles[error.code] : undefined) ?? 'Something went wrong';
  return (
    <Alert tone="error" title={heading} live={announce ? 'assertive' : undefined}>
      <p>{message}</p>
      {children}
    </Alert>
  );
}
