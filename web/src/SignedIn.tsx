import { useEffect } from 'react';
import { match, navigate, useLocation } from './router';
import { useApi } from './hooks';
import type { OrgSummary } from './types';
import { Layout } from './components/Layout';
import { OrgFrame } from './OrgFrame';
import { NewOrgPage } from './pages/NewOrgPage';
import { AccountPage } from './pages/account/AccountPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { Loading } from './components/Loading';

/** The signed-in console: the organizations of the account, and the page the address names. */
export function SignedIn() {
  const { pathname } = useLocation();
  const orgs = useApi<OrgSummary[]>('/api/0/organizations/');
  const inOrg = match('/organizations/:org/(.*)', pathname.replace(/\/?$/, '/'));
  const orgSlug = inOrg && inOrg.org !== 'new' ? inOrg.org! : null;

  const home = pathname === '/' || pathname === '/signin/';
  useEffect(() => {
    if (home && orgs.data) navigate(orgs.data.length > 0 ? `/organizations/${orgs.data[0]!.slug}/members/` : '/organizations/new/', { replace: true });
  }, [home, orgs.data]);

  let page;
  if (home) page = <Loading />;
  else if (match('/organizations/new/', pathname)) page = <NewOrgPage onCreated={orgs.reload} />;
  else if (orgSlug) page = <OrgFrame slug={orgSlug} pathname={pathname} onOrgChanged={orgs.reload} />;
  else if (match('/account/', pathname)) page = <AccountPage />;
  else page = <NotFoundPage />;

  return (
    <Layout orgs={orgs.data ?? null} orgSlug={orgSlug}>
      {page}
    </Layout>
  );
}
