import { type RefObject, useEffect, useRef } from 'react';

/**
 * Keeps keyboard focus inside `container` when a re-render removes the element that had it — a form
 * that closes because someone else locked the dimension, a button no longer offered. Browsers drop
 * focus to <body> then, and the next Tab starts again from the top of the page.
 *
 * Watches the DOM rather than blur events: whether removing a focused node fires blur differs between
 * browsers. Focus the user moved elsewhere themselves is left alone.
 */
export function useFocusRescue(
  container: RefObject<HTMLElement | null>,
  fallback: () => HTMLElement | null,
): void {
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let last: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target as Element;
    };
    const onFocusOut = (e: FocusEvent) => {
      const left = e.target as Element;
      if (e.relatedTarget instanceof Node && !root.contains(e.relatedTarget)) last = null;
      // No new target: a click on the page's background (forget it), the window losing focus (the
      // element stays the document's active one) or the element's removal (keep it, to rescue).
      else if (e.relatedTarget === null)
        queueMicrotask(() => {
          if (left.isConnected && document.activeElement !== left && last === left) last = null;
        });
    };
    const observer = new MutationObserver(() => {
      if (!last || last.isConnected) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      last = null;
      fallbackRef.current()?.focus();
    });
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    };
  }, [container]);
}

/**
 * Moves focus to `target` once a confirm dialog has closed, if focus would otherwise be left on <body>
 * (the dialog gives focus back to its opener, but the action it confirmed removed that opener).
 */
export function focusAfterDialog(target: () => HTMLElement | null, maxFrames = 120): void {
  const tick = (left: number) => {
    const active = document.activeElement;
    if (active?.closest('[role="dialog"], [role="alertdialog"]') && left > 0) {
      requestAnimationFrame(() => tick(left - 1));
      return;
    }
    if (!active || active === document.body) target()?.focus();
  };
  requestAnimationFrame(() => tick(maxFrames));
}
