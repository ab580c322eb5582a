import { Type } from '@sinclair/typebox';
import { OrgIdOrSlug } from '../platform/http/schemas.js';

/** Where an organization's SCIM API lives (spec scim.md §1.1). */
export const SCIM_BASE = '/api/0/organizations/:organization_id_or_slug/scim/v2';

export const ScimOrgParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug });

/** `Users/{id}` and `Groups/{id}` take numeric ids only; anything else is a 404 (Roster's choice 14). */
export const ScimResourceParams = Type.Object({ organization_id_or_slug: OrgIdOrSlug, id: Type.String({ pattern: '^[0-9]{1,18}$' }) });

export const SCIM_TAGS = ['SCIM'];
