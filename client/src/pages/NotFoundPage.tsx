import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. If you followed a link, it may be mistyped or out of date.</p>
      <p>
        <Link to="/">Go to your workshops</Link>
      </p>
    </>
  );
}
