import type { Db } from '../platform/db/database.js';
import type { Requester } from '../access/requester.js';
import { notAuthenticated } from '../platform/http/errors.js';
import { findConfirmedAuthenticators } from './authenticators.queries.js';
import { presentSelf } from './users.presenter.js';
import { findUserById } from './users.queries.js';

export function createUserService({ db }: { db: Db }) {
  return {
    /** The requester's own account with its emails and confirmed authenticators; 401 if the user is gone. */
    async me(requester: Requester) {
      const [user, authenticators] = await Promise.all([
        findUserById(db, requester.userId),
        findConfirmedAuthenticators(db, requester.userId),
      ]);
      if (!user || !user.is_active) throw notAuthenticated();
      return presentSelf(user, authenticators);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
