import { useEffect } from 'react';

export const APP_NAME = 'LER Workshop';

/**
 * Sets document.title to "<title> — LER Workshop" (screen readers announce the title on
 * navigation; it is also what a browser tab and the history list show). Pages that never call it
 * get their <h1> text as the title (see useRouteFocus).
 */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} — ${APP_NAME}`;
    document.documentElement.dataset.pageTitle = 'set';
  }, [title]);
}
