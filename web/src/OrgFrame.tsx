import { useEffect, useMemo } from 'react';
import { orgPath } from './api';
import { useApi } from './hooks';
import { match, navigate } from './router';
import { OrgContext } from './session';
import type { OrgDetails } from './types';
import { Loading } from './App';
import { TwoFactorRequired } from './pages/TwoFactorRequired';
import { MembersPage } from './pages/members/MembersPage';
import { MemberPage } from './pages/members/MemberPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { TeamPage } from './pages/teams/TeamPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Loads one organization for its pages; Sentry's org gates (2FA required) stop here, before any page. */
export function OrgFrame({ slug, pathname, onOrgChanged }: { slug: string; pathname: string; onOrgChanged(): void }) {
  const org = useApi<OrgDetails>(orgPath(slug));
  const base = `/organizations/${slug}`;
  const state = useMemo(
    () =>
      org.data
        ? {
            org: org.data,
            reload: () => {
              org.reload();
              onOrgChanged();
            },
          }
        : null,
    [org.data, org.reload, onOrgChanged],
  );

  useEffect(() => {
    if (match(`${base}/`, pathname)) navigate(`${base}/members/`, { replace: true });
  }, [base, pathname]);

  if (org.error?.code === '2fa-required') return <TwoFactorRequired orgSlug={slug} />;
  if (org.error) return <NotFoundPage message={org.error.status === 404 ? 'There is no such organization, or you are not a member of it.' : org.error.message} />;
  if (!state) return <Loading />;

  const member = match(`${base}/members/:memberId/`, pathname);
  const team = match(`${base}/teams/:team/`, pathname);
  let page;
  if (match(`${base}/members/`, pathname)) page = <MembersPage />;
  else if (member) page = <MemberPage memberId={member.memberId!} />;
  else if (match(`${base}/teams/`, pathname)) page = <TeamsPage />;
  else if (team) page = <TeamPage teamSlug={team.team!} />;
  else if (match(`${base}/settings/`, pathname)) page = <SettingsPage />;
  else if (match(`${base}/audit-log/`, pathname)) page = <AuditLogPage />;
  else if (match(`${base}/`, pathname)) page = <Loading />;
  else page = <NotFoundPage />;
  return <OrgContext.Provider value={state}>{page}</OrgContext.Provider>;
}
