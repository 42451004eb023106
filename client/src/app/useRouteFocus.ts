import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { APP_NAME } from './usePageTitle';

const HEADING_WAIT_MS = 10_000;

/**
 * After a client-side navigation, moves focus to the new page's <h1> so keyboard and screen-reader
 * users start at the top of the new content (a SPA otherwise leaves focus on the clicked link,
 * which may no longer exist). Lazy pages and pages that load data render their <h1> later, so this
 * waits for one to appear in <main>. Not on the first load: there, focus belongs at the start of
 * the document so the skip link comes first.
 *
 * Also the title fallback: a page that did not call usePageTitle gets its <h1> text as the title.
 */
export function useRouteFocus(mainId: string): void {
  const { pathname } = useLocation();
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger (a new page), not an input
  useEffect(() => {
    const isFirst = first.current;
    first.current = false;
    const main = document.getElementById(mainId);
    if (!main) return;
    delete document.documentElement.dataset.pageTitle;

    const settle = (h1: HTMLElement) => {
      if (!document.documentElement.dataset.pageTitle && h1.textContent) {
        document.title = `${h1.textContent.trim()} — ${APP_NAME}`;
      }
      if (isFirst) return;
      // Don't steal focus from something the person already moved to (a field on the new page).
      const active = document.activeElement;
      if (active && active !== document.body && main.contains(active) && active !== h1) return;
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: false });
    };

    const found = main.querySelector('h1');
    if (found) {
      settle(found);
      return;
    }
    const observer = new MutationObserver(() => {
      const h1 = main.querySelector('h1');
      if (h1) {
        observer.disconnect();
        settle(h1);
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, mainId]);
}
