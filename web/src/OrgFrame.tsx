import { useEffect, useMemo } from 'react';
import { orgPath, withQuery } from './api';
import { useApi } from './hooks';
import { Link, match, navigate } from './router';
import { OrgContext, useOrg } from './session';
import type { OrgDetails } from './types';
import { Loading } from './components/Loading';
import { TwoFactorRequired } from './pages/TwoFactorRequired';
import { MembersPage } from './pages/members/MembersPage';
import { MemberPage } from './pages/members/MemberPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { TeamPage } from './pages/teams/TeamPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { AuthPage } from './pages/settings/auth/AuthPage';
import { WebhooksPage } from './pages/settings/webhooks/WebhooksPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RestoreOrganization } from './pages/settings/RestoreOrganization';
import { PageSkeleton } from './components/Skeleton';

/** Loads one organization for its pages; Sentry's org gates (2FA required) stop here, before any page. */
export function OrgFrame({ slug, pathname, onOrgChanged }: { slug: string; pathname: string; onOrgChanged(): void }) {
  // The pages load their own lists (teams, members), so the organization comes without them.
  const org = useApi<OrgDetails>(withQuery(orgPath(slug), { detailed: '0' }));
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
  // api.ts is already taking the browser to the organization's SSO sign-in page.
  if (org.error?.code === 'sso-required') return <PageSkeleton label="single sign-on" />;
  if (org.error) return <NotFoundPage message={org.error.status === 404 ? 'There is no such organization, or you are not a member of it.' : org.error.message} />;
  if (!state) return <PageSkeleton label="organization" />;

  const member = match(`${base}/members/:memberId/`, pathname);
  // The restore link in the deletion email; on other pages the same notice stands above the page.
  const restoring = match(`${base}/restore/`, pathname) !== null;
  const team = match(`${base}/teams/:team/`, pathname);
  let page;
  if (match(`${base}/members/`, pathname)) page = <MembersPage />;
  else if (member) page = <MemberPage memberId={member.memberId!} />;
  else if (match(`${base}/teams/`, pathname)) page = <TeamsPage />;
  else if (team) page = <TeamPage teamSlug={team.team!} />;
  else if (match(`${base}/settings/`, pathname)) page = <SettingsPage />;
  else if (match(`${base}/settings/auth/`, pathname)) page = <AuthPage />;
  else if (match(`${base}/settings/webhooks/`, pathname)) page = <WebhooksPage />;
  else if (match(`${base}/audit-log/`, pathname)) page = <AuditLogPage />;
  else if (restoring) page = <RestorePage base={base} />;
  else if (match(`${base}/`, pathname)) page = <Loading />;
  else page = <NotFoundPage />;
  return (
    <OrgContext.Provider value={state}>
      {!restoring && <RestoreOrganization />}
      {page}
    </OrgContext.Provider>
  );
}

/** The deletion email's restore link: the notice and its button, or word that there is nothing to restore. */
function RestorePage({ base }: { base: string }) {
  const { org } = useOrg();
  return (
    <section>
      <h1>Restore organization</h1>
      <RestoreOrganization onRestored={() => navigate(`${base}/members/`)} />
      {org.status.id !== 'pending_deletion' && (
        <p>
          {org.name} is not queued for deletion. <Link href={`${base}/members/`}>Go to its members</Link>
        </p>
      )}
    </section>
  );
}
