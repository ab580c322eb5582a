import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import type { OrgSummary } from '../types';
import { OrgSwitcher } from './OrgSwitcher';

const SECTIONS = [
  ['members', 'Members'],
  ['teams', 'Teams'],
  ['settings', 'Settings'],
  ['audit-log', 'Audit log'],
] as const;

/** The frame of every signed-in page: organization switcher, sections, account, and the page itself. */
export function Layout({ orgs, orgSlug, children }: { orgs: OrgSummary[] | null; orgSlug: string | null; children: ReactNode }) {
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  // Moving between pages moves focus to the new page, as a full page load would for a screen reader.
  useEffect(() => main.current?.focus({ preventScroll: true }), [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Roster
        </Link>
        {orgs && <OrgSwitcher orgs={orgs} current={orgSlug} />}
        <div className="account-links">
          <Link href="/account/" aria-current={pathname.startsWith('/account/') ? 'page' : undefined}>
            {me?.name || me?.email || 'Account'}
          </Link>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {orgSlug && (
        <nav className="sections" aria-label="Organization sections">
          {SECTIONS.map(([path, label]) => {
            const href = `/organizations/${orgSlug}/${path}/`;
            return (
              <Link key={path} href={href} aria-current={pathname.startsWith(href) ? 'page' : undefined}>
                {label}
              </Link>
            );
          })}
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A page's heading and, optionally, its actions. */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
