import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Spinner } from '../components/Spinner';
import { useCurrentUser } from './CurrentUser';
import { SignOutButton } from './SignOutButton';
import { useRouteFocus } from './useRouteFocus';

export const MAIN_ID = 'main';

/** The frame around every page: skip link, header with the account menu, and <main>. */
export function Layout() {
  const { user } = useCurrentUser();
  useRouteFocus(MAIN_ID);

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            LER Workshop
          </Link>
          <nav aria-label="Account">
            <ul>
              {user ? (
                <>
                  <li>
                    <Link to="/">My workshops</Link>
                  </li>
                  <li>
                    <span>
                      Signed in as <strong>{user.name}</strong>
                    </span>
                  </li>
                  <li>
                    <SignOutButton />
                  </li>
                </>
              ) : user === null ? (
                <>
                  <li>
                    <Link to="/signin">Sign in</Link>
                  </li>
                  <li>
                    <Link to="/signup">Create an account</Link>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>
      {/* tabIndex -1: the skip link's target must be focusable for focus to actually move there. */}
      <main id={MAIN_ID} className="app-main" tabIndex={-1}>
        <Suspense fallback={<Spinner label="Loading the page…" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
