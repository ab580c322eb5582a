-- Linking an identity from a signed-in session (/auth/link/{org}/) marks that session as having come
-- through the organization's provider, instead of opening a second one (which asked a TOTP account
-- for its code again). The pending link remembers the session that started it; signing that session
-- out before the provider answers ends the pending link with it.
--
-- Link flows started before this column existed name no session: at most ten minutes of them, which
-- simply start again.
delete from sso_pending_signins where flow = 'link';
alter table sso_pending_signins
  add column session_id bigint references user_sessions (id) on delete cascade,
  add constraint sso_pending_signins_link_session check ((flow = 'link') = (session_id is not null));
