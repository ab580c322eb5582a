import assert from 'node:assert/strict';
import type { Harness, Response } from './harness.js';
import { buildOrg, type BuiltOrg, type OrgSpec } from './org-factory.js';
import { assertScimError, assertScimListResponse, assertScimResource } from './scim-schemas.js';

/** An organization with a SAML provider and SCIM on, and its SCIM token. */
export async function scimOrg(h: Harness, spec: OrgSpec = {}): Promise<{ org: BuiltOrg; token: string }> {
  const org = await buildOrg(h, { ...spec, authProvider: { provider: 'saml2' } });
  const enabled = await h.request<{ scim_api_token: string }>(org.tokens.owner!, 'PUT', `/api/0/organizations/${org.slug}/auth-provider/`, { scim_enabled: true });
  assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
  return { org, token: enabled.body.scim_api_token };
}

export interface ScimUser {
  id: string;
  userName: string;
  name?: { givenName?: string; familyName?: string };
  displayName?: string;
  externalId?: string;
  emails?: Array<{ value: string; type?: string; primary?: boolean }>;
  active?: boolean;
  sentryOrgRole?: string;
  meta: { resourceType: string; location: string };
}
export interface ScimList {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimUser[];
}
export interface ScimErr {
  status: string;
  scimType?: string;
  detail?: string;
}

/** A SCIM client of one organization: every answer is checked against the RFC schemas by its kind. */
export function scimClient(h: Harness, org: BuiltOrg, token: string) {
  const base = `/api/0/organizations/${org.slug}/scim/v2`;
  async function send<T>(method: string, path: string, body?: unknown): Promise<Response<T>> {
    const response = (await h.request<T>(token, method, `${base}${path}`, body)) as Response<T>;
    if (response.status >= 400) assertScimError(response.body);
    return response;
  }
  return {
    base,
    async list(query = '') {
      const response = await send<ScimList>('GET', `/Users${query}`);
      if (response.status === 200) assertScimListResponse('User', response.body);
      return response;
    },
    async user(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
      const response = await send<ScimUser>(method, path, body);
      if (response.status === 200 || response.status === 201) assertScimResource('User', response.body);
      return response;
    },
    error: (response: Response<unknown>) => response.body as ScimErr,
    filter: (text: string) => `?filter=${encodeURIComponent(text)}`,
  };
}
