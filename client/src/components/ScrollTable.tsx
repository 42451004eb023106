import { type ReactNode, useId } from 'react';

export interface ScrollTableProps {
  /** The table's caption: also the accessible name of the scroll box around it. */
  caption: ReactNode;
  /** Hides the caption visually (it still names the table and the box for screen readers). */
  captionHidden?: boolean;
  className?: string;
  /** The table's `thead`, `tbody` and `tfoot`. */
  children: ReactNode;
}

/**
 * A data table that scrolls sideways inside its own box when it is wider than the screen, so the
 * page never does (WCAG 1.4.10 allows a table to scroll in two dimensions) and its words stay
 * whole. The box takes keyboard focus and is named by the caption, so a keyboard user can reach
 * and scroll it (WCAG 2.1.1) and a screen reader says what it holds.
 */
export function ScrollTable({ caption, captionHidden = false, className, children }: ScrollTableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must take focus to be scrolled by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className={className}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}
