import type { SessionRecord, UserRecord } from '../auth/types';

/** Typed context variables, set once per request by the session middleware. */
export interface AppEnv {
  Variables: {
    /** The signed-in user (account or guest), or null. */
    user: UserRecord | null;
    session: SessionRecord | null;
  };
}
