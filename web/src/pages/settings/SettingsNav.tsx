import { Link, useLocation } from '../../router';
import { useOrg } from '../../session';

/** The settings pages of an organization: its general settings, and how its members sign in. */
export function SettingsNav() {
  const { org } = useOrg();
  const { pathname } = useLocation();
  const pages = [
    [`/organizations/${org.slug}/settings/`, 'General'],
    [`/organizations/${org.slug}/settings/auth/`, 'Authentication'],
  ] as const;
  return (
    <nav className="subnav" aria-label="Settings pages">
      {pages.map(([href, label]) => (
        <Link key={href} href={href} aria-current={pathname === href ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
