import { CORE_GROUP_SCHEMA } from './scim-attribute-path.js';

export interface GroupMember {
  value: string;
  display: string;
}

/**
 * A team as a SCIM Group (spec scim.md §1.5): `displayName` is the team's name, `externalId` only when
 * the identity provider gave one, `members` its members by member id with their address; left out
 * entirely (never null) when not loaded (`excludedAttributes=members`).
 */
export function presentGroup(
  baseUrl: string,
  team: { id: string; name: string; external_id: string | null },
  members: GroupMember[] | null,
) {
  return {
    schemas: [CORE_GROUP_SCHEMA],
    id: team.id,
    displayName: team.name,
    ...(team.external_id !== null ? { externalId: team.external_id } : {}),
    ...(members !== null ? { members } : {}),
    meta: { resourceType: 'Group', location: `${baseUrl}/Groups/${team.id}` },
  };
}

export type GroupResource = ReturnType<typeof presentGroup>;
