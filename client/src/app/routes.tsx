import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { JoinPage } from '../pages/JoinPage';
import { MyWorkshopsPage } from '../pages/MyWorkshopsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/SignInPage';
import { SignUpPage } from '../pages/SignUpPage';
import { Layout } from './Layout';
import { RequireUser } from './RequireUser';

// Heavy or feature-owned pages load on demand, keeping the first screen's JavaScript small.
const CreateWorkshopPage = lazy(() => import('../pages/CreateWorkshopPage'));
const WorkshopHomePage = lazy(() => import('../pages/workshop/WorkshopHomePage'));
const RoomPage = lazy(() => import('../room/RoomPage'));
const ProjectorPage = lazy(() => import('../room/ProjectorPage'));
const ReportPage = lazy(() => import('../report/ReportPage'));
const AuditPage = lazy(() => import('../consensus/AuditPage'));
const InstitutionPage = lazy(() => import('../pages/InstitutionPage'));

const signedIn = (element: React.ReactNode) => <RequireUser>{element}</RequireUser>;

/**
 * Every URL of the app. Feature pages read `:id` (workshop id) and `:dimensionId` with useParams.
 * The projector page deliberately sits outside the Layout: no header, the whole screen for the room.
 */
export const routes: RouteObject[] = [
  {
    path: '/workshops/:id/projector',
    element: signedIn(<ProjectorPage />),
  },
  {
    element: <Layout />,
    children: [
      { path: '/', element: signedIn(<MyWorkshopsPage />) },
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/join/:token', element: <JoinPage /> },
      { path: '/workshops/new', element: signedIn(<CreateWorkshopPage />) },
      { path: '/workshops/:id', element: signedIn(<WorkshopHomePage />) },
      { path: '/workshops/:id/room', element: signedIn(<RoomPage />) },
      { path: '/workshops/:id/room/:dimensionId', element: signedIn(<RoomPage />) },
      { path: '/workshops/:id/report', element: signedIn(<ReportPage />) },
      { path: '/workshops/:id/audit', element: signedIn(<AuditPage />) },
      { path: '/institutions/:id', element: signedIn(<InstitutionPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
