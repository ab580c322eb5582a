import { useEffect, useState } from 'react';
import { orgPath, parseLink, request, withQuery } from '../../api';
import type { Member, OrgDetails } from '../../types';

export interface Count {
  count: number;
  /** The list had another page, so the count is a lower bound. */
  more: boolean;
}

export interface Impact {
  /** Members enforcing 2FA will pend: without 2FA, and of a role the requester could remove. */
  without2fa: Count | null;
  /** Members without 2FA it never pends (roles above the requester's): they are only emailed. */
  without2faKept: Count | null;
  /** Members enforcing email verification will pend: unverified, of a role the requester could remove. */
  unverified: Count | null;
}

export const NO_IMPACT: Impact = { without2fa: null, without2faKept: null, unverified: null };

/**
 * The org roles the requester could remove (Sentry's `can_manage`: at or below its own role; the
 * list comes in priority order). Enforcement never pends anyone else (issue 13), so only these count.
 */
export function removableRoles(org: OrgDetails): { removable: string[]; above: string[] } {
  const ids = org.orgRoleList.map((role) => role.id);
  const own = org.orgRole ? ids.indexOf(org.orgRole) : ids.length - 1;
  return { removable: ids.slice(0, own + 1), above: ids.slice(own + 1) };
}

const roleFilter = (roles: string[]) => `role:[${roles.join(',')}]`;

async function count(org: OrgDetails, query: string): Promise<Count> {
  const response = await request<Member[]>('GET', withQuery(orgPath(org.slug, 'members/'), { query, per_page: '100' }));
  return { count: response.data.length, more: parseLink(response.headers.get('link')).next !== null };
}

const PAGES = 5;

/** Unverified members among the removable ones; the member search has no such filter, so a few pages are read. */
async function countUnverified(org: OrgDetails, roles: string[]): Promise<Count> {
  let path: string | null = withQuery(orgPath(org.slug, 'members/'), { query: `isInvited:false ${roleFilter(roles)}`, per_page: '100' });
  let total = 0;
  for (let page = 0; path && page < PAGES; page++) {
    const response: { data: Member[]; headers: Headers } = await request<Member[]>('GET', path);
    total += response.data.filter((m) => m.user && !(m.user as { emails?: Array<{ email: string; is_verified: boolean }> }).emails?.some((e) => e.is_verified)).length;
    const next = parseLink(response.headers.get('link')).next;
    path = next ? withQuery(orgPath(org.slug, 'members/'), { query: `isInvited:false ${roleFilter(roles)}`, per_page: '100', cursor: next }) : null;
  }
  return { count: total, more: path !== null };
}

/** Counts, once each, who a pending change would pend; null until known (or when it failed). */
export function useImpact(org: OrgDetails, enforce2fa: boolean, enforceEmail: boolean): Impact {
  const [impact, setImpact] = useState<Impact>(NO_IMPACT);
  const { removable, above } = removableRoles(org);
  const key = `${org.slug}:${removable.join(',')}`;
  useEffect(() => {
    if (!enforce2fa) return;
    let live = true;
    void Promise.all([
      count(org, `has2fa:false isInvited:false ${roleFilter(removable)}`),
      above.length > 0 ? count(org, `has2fa:false isInvited:false ${roleFilter(above)}`) : Promise.resolve({ count: 0, more: false }),
    ])
      .then(([without2fa, without2faKept]) => live && setImpact((current) => ({ ...current, without2fa, without2faKept })))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Recounted when the organization or the requester's role changes, not on every render.
  }, [enforce2fa, key]);
  useEffect(() => {
    if (!enforceEmail) return;
    let live = true;
    countUnverified(org, removable)
      .then((unverified) => live && setImpact((current) => ({ ...current, unverified })))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enforceEmail, key]);
  return impact;
}
