import { createContext, useContext } from 'react';
import type { Me, OrgDetails } from './types';

export interface SessionState {
  me: Me | null;
  /** Reloads who is signed in (after sign-in, 2FA enrolment, email verification). */
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState>({
  me: null,
  refresh: async () => null,
  signOut: async () => {},
});

export const useSession = () => useContext(SessionContext);

export interface OrgState {
  org: OrgDetails;
  reload(): void;
}

export const OrgContext = createContext<OrgState | null>(null);

export function useOrg(): OrgState {
  const state = useContext(OrgContext);
  if (!state) throw new Error('useOrg outside an organization page');
  return state;
}

/** Does the requester hold this scope in the current organization? (The server decides; this only hides buttons.) */
export const hasScope = (org: OrgDetails, scope: string) => org.access.includes(scope);
