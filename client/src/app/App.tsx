import { Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AnnouncerProvider } from '../components/Announcer';
import { Spinner } from '../components/Spinner';
import { CurrentUserProvider } from './CurrentUser';
import { routes } from './routes';

const router = createBrowserRouter(routes);

/** The whole app: announcer (live regions) → current user (+ session-expired prompt) → router. */
export function App() {
  return (
    <AnnouncerProvider>
      <CurrentUserProvider>
        <Suspense fallback={<Spinner />}>
          <RouterProvider router={router} />
        </Suspense>
      </CurrentUserProvider>
    </AnnouncerProvider>
  );
}
