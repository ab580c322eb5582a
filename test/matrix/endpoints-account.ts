import crypto from 'node:crypto';
import { issueEmailVerification } from '../../src/identity/email-verification.js';
import type { Cell, EndpointSpec } from './cells.js';
import { inTransaction } from '../helpers/database.js';

/**
 * The requester's own account (users/me, TOTP, API tokens, email verification) and the invite
 * links. These are not organization routes: role does not matter, ownership does. Targets: `self`
 * (the requester's own authenticator, token, address or link), `peer` (another user's in the home
 * organization), `foreign` (a user's of the other organization); for invite links, `pending` (the
 * home organization's invite) and `foreign` (the other organization's). The routes that take a browser
 * session only (issue 13) are asked as the requester's browser, so the `scopeless` kind is the owner's.
 */

const anonymous = (cell: Cell) => cell.requester.kind === 'anonymous';
const signedIn = (success: number) => (cell: Cell) => (anonymous(cell) ? 401 : success);
/** Users seeded with a confirmed TOTP authenticator: every home member and the outsider (not the superuser). */
const hasTotp = (cell: Cell) => cell.requester.member !== null || cell.requester.kind === 'outsider';

function acceptRoutes(withOrg: boolean): EndpointSpec[] {
  const path = withOrg ? '/api/0/accept-invite/{organization_id_or_slug}/{member_id}/{token}/' : '/api/0/accept-invite/{member_id}/{token}/';
  const build = (cell: Cell) => {
    const { home, foreign } = cell.world;
    const invitee = home.members.invitee!;
    // foreign: the other organization's invite, under the home organization (org form), or with the
    // home invite's token (short form, which has no organization to get wrong).
    const params =
      cell.target === 'pending'
        ? { member_id: invitee.id, token: home.inviteToken }
        : { member_id: foreign.inviteId, token: withOrg ? foreign.inviteToken : home.inviteToken };
    return { params: withOrg ? { organization_id_or_slug: home.slug, ...params } : params };
  };
  return [
    {
      method: 'GET',
      path,
      needed: [],
      targets: ['pending', 'foreign'],
      build,
      expect: (cell) => (cell.target === 'pending' ? 200 : 400),
    },
    {
      method: 'POST',
      path,
      needed: [],
      targets: ['pending', 'foreign'],
      build,
      // decisions.md item 9: a signed-in account must own the invited address (none here does);
      // without credentials a new account is made for it.
      expect: (cell) => (cell.target === 'pending' && anonymous(cell) ? 204 : 400),
    },
  ];
}

export const ACCOUNT_ENDPOINTS: EndpointSpec[] = [
  { method: 'GET', path: '/api/0/users/me/', needed: [], targets: ['self'], build: () => ({ params: {} }), expect: signedIn(200) },
  {
    method: 'GET',
    path: '/api/0/users/me/authenticators/totp/enroll/',
    needed: [],
    targets: ['self'],
    keepsWorld: true,
    build: () => ({ params: {} }),
    expect: (cell) => (anonymous(cell) ? 401 : hasTotp(cell) ? 400 : 200),
  },
  {
    method: 'POST',
    path: '/api/0/users/me/authenticators/totp/enroll/',
    needed: [],
    targets: ['self'],
    build: () => ({ params: {}, body: { secret: 'JBSWY3DPEHPK3PXP', otp: '000000' } }),
    // Already enrolled, no enrolment in progress, or not its secret: all 400.
    expect: signedIn(400),
  },
  {
    method: 'DELETE',
    path: '/api/0/users/me/authenticators/{authenticator_id}/',
    needed: [],
    targets: ['self', 'peer', 'foreign'],
    // The superuser has no authenticator; the outsider's belongs to the organization that must not change.
    applies: (cell) => cell.target !== 'self' || cell.requester.member !== null,
    build: (cell) => {
      const { home, foreign } = cell.world;
      const id =
        cell.target === 'self'
          ? cell.requester.member!.authenticatorId!
          : cell.target === 'peer'
            ? home.members[cell.requester.member?.key === 'member2' ? 'member1' : 'member2']!.authenticatorId!
            : foreign.memberAuthenticatorId;
      return { params: { authenticator_id: id } };
    },
    // The code's rule: another user's authenticator is a 404, as one that does not exist.
    expect: (cell) => (anonymous(cell) ? 401 : cell.target === 'self' ? 204 : 404),
  },
  { method: 'GET', path: '/api/0/api-tokens/', needed: [], targets: ['self'], build: () => ({ params: {} }), expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/0/api-tokens/',
    needed: ['org:read'],
    targets: ['self'],
    keepsWorld: true,
    build: () => ({ params: {}, body: { scopes: ['org:read'] } }),
    // Asked as the requester's browser (session only, issue 13), whose scopes no token caps.
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    path: '/api/0/api-tokens/',
    needed: [],
    targets: ['self', 'foreign'],
    keepsWorld: true,
    async build(cell) {
      if (cell.target === 'foreign' || !cell.requester.userId) return { params: {}, body: { tokenId: cell.world.foreign.memberTokenId } };
      // A spare token of the requester's, so that the one it signs in with stays.
      const spare = await cell.world.h.services.tokens.create(cell.requester.userId, ['org:read']);
      return { params: {}, body: { tokenId: spare.id } };
    },
    // The code's rule: another user's token is a 404, as one that does not exist.
    expect: (cell) => (anonymous(cell) ? 401 : cell.target === 'self' ? 204 : 404),
  },
  {
    method: 'POST',
    path: '/api/0/users/me/emails/confirm/',
    needed: [],
    targets: ['self', 'foreign'],
    keepsWorld: true,
    build: (cell) => ({ params: {}, body: cell.target === 'self' ? {} : { email: cell.world.foreign.memberEmail } }),
    // Every account here is verified already: its own address gets no email, another address is a 400.
    expect: (cell) => (anonymous(cell) ? 401 : cell.target === 'self' ? 204 : 400),
  },
  {
    method: 'POST',
    path: '/api/0/account/confirm-email/{user_id}/{token}/',
    needed: [],
    targets: ['self', 'foreign'],
    keepsWorld: true,
    async build(cell) {
      const { h, home, foreign } = cell.world;
      if (cell.target === 'foreign') return { params: { user_id: foreign.memberUserId, token: crypto.randomBytes(32).toString('hex') } };
      // A link issued for the requester's own address (a home member's for requesters without an account).
      const user = cell.requester.userId
        ? { id: cell.requester.userId, email: cell.requester.email! }
        : { id: home.members.member2!.userId!, email: home.members.member2!.email };
      const link = await inTransaction(h, (tx) => issueEmailVerification(tx, h.config, h.clock.now(), user));
      const [userId, token] = link.split('/').slice(-3, -1);
      return { params: { user_id: userId!, token: token! } };
    },
    // No authentication: the link alone decides.
    expect: (cell) => (cell.target === 'self' ? 204 : 400),
  },
  ...acceptRoutes(true),
  ...acceptRoutes(false),
];
