-- A TOTP code is good for its whole 30-second step (and the steps either side, for clock drift). The
-- last step a user's authenticator accepted is kept, and a code is taken only for a later step, so a
-- code seen once (over a shoulder, in a proxy log) cannot be used again while it is still valid.
-- A user has at most one TOTP authenticator (user_authenticators_user_type_key), so this is per user;
-- a new enrolment has a new secret and starts with none.
alter table user_authenticators add column last_accepted_step bigint;
