import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children' | 'isPending'> {
  variant?: ButtonVariant;
  children: ReactNode;
  className?: string;
  /** A request is running: the button shows a spinner and ignores presses, but keeps focus. */
  isPending?: boolean;
}

/**
 * The app's button (react-aria's Button: one press model for keyboard, touch and pointer). Use
 * `onPress`, not `onClick`; `type="submit"` submits its form.
 *
 * Pending is done here rather than with react-aria's `isPending`: that one announces through a
 * global live region that keeps pointing at the button after it unmounts (an axe violation on the
 * next page). A pending button is aria-disabled, not disabled, so focus stays on it.
 */
export function Button({ variant = 'primary', className, children, isPending, onPress, type, ...rest }: ButtonProps) {
  const classes = ['button', variant !== 'primary' && `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <AriaButton
      {...rest}
      type={isPending && type === 'submit' ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending ? true : undefined}
      data-pending={isPending || undefined}
      className={classes}
    >
      {isPending ? <span className="spinner__ring spinner__ring--small" aria-hidden="true" /> : null}
      {children}
    </AriaButton>
  );
}
