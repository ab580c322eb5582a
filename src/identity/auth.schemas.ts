import { Type } from '@sinclair/typebox';

export const SigninLinkBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
});

export const SigninBody = Type.Object({
  token: Type.String({ pattern: '^[0-9a-f]{64}$', errorMessage: 'This sign-in link is invalid or has expired. Ask for a new one.' }),
});

export const SigninResponse = Type.Object({
  needs2fa: Type.Boolean({ description: 'The account has 2FA: the session waits for a TOTP code (POST /api/0/auth/2fa/)' }),
});

export const TwoFactorBody = Type.Object({
  otp: Type.String({ minLength: 1, maxLength: 16 }),
});

export const WhoAmI = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  isSuperuser: Type.Boolean(),
  emailVerified: Type.Boolean(),
  has2fa: Type.Boolean(),
  needs2fa: Type.Boolean({ description: 'The session still waits for its TOTP code' }),
  csrfToken: Type.String({ description: 'Send it as X-CSRFToken with every state-changing request' }),
});
