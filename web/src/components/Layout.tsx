import { useEffect, useRef, useState, type ReactNode } from 'react';
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
      {orgSlug && <SectionTabs orgSlug={orgSlug} pathname={pathname} />}
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

/**
 * The organization's sections. On a narrow screen the bar scrolls sideways: a fade and an arrow at
 * the edge where more tabs wait say so (`data-more`), and the current tab is scrolled into view.
 */
function SectionTabs({ orgSlug, pathname }: { orgSlug: string; pathname: string }) {
  const nav = useRef<HTMLElement>(null);
  const [more, setMore] = useState<'start' | 'end' | 'both' | null>(null);
  useEffect(() => {
    const bar = nav.current;
    if (!bar) return;
    // Hidden by less than the bar's own padding is not hidden: no tab is cut there.
    const slack = parseFloat(getComputedStyle(bar).paddingLeft) + 1;
    const measure = () => {
      const left = bar.scrollLeft > slack;
      const right = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - slack;
      setMore(left && right ? 'both' : left ? 'start' : right ? 'end' : null);
    };
    bar.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    measure();
    bar.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      bar.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [pathname]);
  return (
    <div className="sections-wrap" data-more={more ?? undefined}>
      <nav ref={nav} className="sections" aria-label="Organization sections">
        {SECTIONS.map(([path, label]) => {
          const href = `/organizations/${orgSlug}/${path}/`;
          return (
            <Link key={path} href={href} aria-current={pathname.startsWith(href) ? 'page' : undefined}>
              {label}
            </Link>
          );
        })}
      </nav>
      {(more === 'end' || more === 'both') && (
        <span className="more-tabs" aria-hidden="true">
          ›
        </span>
      )}
    </div>
  );
}
