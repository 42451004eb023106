import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

export type Politeness = 'polite' | 'assertive';
export type Announce = (message: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce | null>(null);

/**
 * Two visually hidden live regions that live as long as the app (a region must exist *before* its
 * text changes, or screen readers miss it). Mounted once by the app shell.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const toggle = useRef(false);

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    // The same text twice in a row is not a change; a trailing no-break space makes it one.
    toggle.current = !toggle.current;
    const text = toggle.current ? message : `${message}\u00a0`;
    if (politeness === 'assertive') setAssertive(text);
    else setPolite(text);
  }, []);

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
        {polite}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announcer-assertive">
        {assertive}
      </div>
    </AnnouncerContext.Provider>
  );
}

/**
 * `const announce = useAnnouncer(); announce('Maria rated Governance')` — tells screen-reader users
 * about a change without moving their focus (remote edits, "link copied"). Polite by default; use
 * 'assertive' only for things that must interrupt (session expired, connection lost).
 */
export function useAnnouncer(): Announce {
  const announce = useContext(AnnouncerContext);
  // Outside the provider (a unit test rendering one component): do nothing rather than crash.
  return useMemo(() => announce ?? (() => {}), [announce]);
}
