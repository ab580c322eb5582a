import { Link, useLocation } from '../../router';
import { hasScope, useOrg } from '../../session';

/** The settings pages of an organization: its general settings, how its members sign in, and (for owners) its webhooks. */
export function SettingsNav() {
  const { org } = useOrg();
  const { pathname } = useLocation();
  const pages = [
    [`/organizations/${org.slug}/settings/`, 'General'],
    [`/organizations/${org.slug}/settings/auth/`, 'Authentication'],
    // Every webhook route needs org:admin: others would only meet a 403.
    ...(hasScope(org, 'org:admin') ? ([[`/organizations/${org.slug}/settings/webhooks/`, 'Webhooks']] as const) : []),
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
