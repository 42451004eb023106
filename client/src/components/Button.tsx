import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children'> {
  variant?: ButtonVariant;
  children: ReactNode;
  className?: string;
}

/**
 * The app's button. react-aria's Button gives consistent press handling (keyboard, touch, pointer)
 * and `isPending`, which keeps focus on the button and announces the busy state while a request
 * runs — a disabled button would drop focus to <body>. Use `onPress`, not `onClick`.
 */
export function Button({ variant = 'primary', className, children, isPending, ...rest }: ButtonProps) {
  const classes = ['button', variant !== 'primary' && `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <AriaButton {...rest} isPending={isPending} className={classes}>
      {isPending ? (
        <>
          <span className="spinner__ring" aria-hidden="true" style={{ width: '1rem', height: '1rem', borderWidth: 3 }} />
          {children}
        </>
      ) : (
        children
      )}
    </AriaButton>
  );
}
