/**
 * Why an SSO page refuses: an HTTP status, a stable code (shown on the page, and what tests read) and
 * a message for the person in front of the browser. Protocol refusals (`SsoSignInError`) are shown
 * the same way, as a 400.
 */
export class SsoPageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SsoPageError';
  }
}

export const noProvider = () => new SsoPageError(404, 'no-provider', 'This organization does not sign in through an identity provider.');

export const unknownSignin = () =>
  new SsoPageError(400, 'unknown-state', 'This sign-in is unknown, was already used, or has expired. Start again from the sign-in page.');

export const signInFirst = () =>
  new SsoPageError(401, 'not-signed-in', 'Sign in to Roster first (with the link emailed to you), then open this link again to connect your identity.');
