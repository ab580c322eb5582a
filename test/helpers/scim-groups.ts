import assert from 'node:assert/strict';
import type { Harness } from './harness.js';
import { buildOrg, type BuiltOrg } from './org-factory.js';
import { assertScimError } from './scim-schemas.js';

/** What the SCIM Groups tests share: an organization with SCIM on and its token, and readers of Roster's own API. */
export interface ScimOrg {
  org: BuiltOrg;
  token: string;
  base: string;
}

export interface GroupBody {
  schemas: string[];
  id: string;
  displayName?: string;
  externalId?: string;
  members?: Array<{ value: string; display: string }>;
  meta: { resourceType: string; location?: string };
}

export interface ScimErrorBody {
  schemas: string[];
  status: string;
  scimType?: string;
  detail?: string;
}

/** An organization with a SAML provider, SCIM turned on through the API, and the given members and teams. */
export async function scimOrg(h: Harness, spec: Parameters<typeof buildOrg>[1] = {}): Promise<ScimOrg> {
  const org = await buildOrg(h, { members: { owner: { role: 'owner' } }, ...spec, authProvider: { provider: 'saml2' } });
  const enabled = await h.request<{ scim_api_token: string }>(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/auth-provider/`, { scim_enabled: true });
  assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
  return { org, token: enabled.body.scim_api_token, base: `/api/0/organizations/${org.slug}/scim/v2` };
}

/** A SCIM error with this status, scimType and detail, valid against the RFC's Error. */
export function assertRefusal(response: { status: number; body: unknown }, status: number, scimType: string | undefined, detail?: string | RegExp): void {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assertScimError(response.body);
  const body = response.body as ScimErrorBody;
  assert.equal(body.status, String(status));
  assert.equal(body.scimType, scimType);
  if (typeof detail === 'string') assert.equal(body.detail, detail);
  else if (detail) assert.match(body.detail ?? '', detail);
}

/** The team's members as Roster's team API lists them, by member id. */
export async function teamMemberIds(h: Harness, org: BuiltOrg, teamSlug: string): Promise<string[]> {
  const response = await h.request<Array<{ id: string }>>(org.tokens.owner!, 'GET', `/api/0/teams/${org.slug}/${teamSlug}/members/`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.map((member) => member.id).sort((a, b) => Number(a) - Number(b));
}

/** The team as Roster's team API shows it (404 when gone). */
export function readTeam(h: Harness, org: BuiltOrg, teamIdOrSlug: string) {
  return h.request<{ id: string; slug: string; name: string; flags: Record<string, boolean> }>(org.tokens.owner!, 'GET', `/api/0/teams/${org.slug}/${teamIdOrSlug}/`);
}
