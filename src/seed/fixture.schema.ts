import { Type, type Static } from '@sinclair/typebox';
import { ORG_ROLE_IDS, TEAM_ROLE_IDS } from '../access/roles.js';
import { NameText } from '../platform/http/schemas.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Slug = Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]*$', maxLength: 50 });

const FixtureUser = Type.Object(
  {
    email: Email,
    name: Type.Optional(NameText({ maxLength: 200 })),
    superuser: Type.Optional(Type.Boolean()),
    emailVerified: Type.Optional(Type.Boolean()),
    totpSecret: Type.Optional(Type.String({ pattern: '^[A-Z2-7]{16,64}=*$' })),
  },
  { additionalProperties: false },
);

const FixtureMember = Type.Object(
  {
    email: Email,
    role: Type.Union(ORG_ROLE_IDS.map((id) => Type.Literal(id))),
    pending: Type.Optional(Type.Boolean()),
    invitedBy: Type.Optional(Email),
    tokenExpiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    flags: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
    teams: Type.Optional(
      Type.Array(
        Type.Object(
          { slug: Slug, role: Type.Optional(Type.Union([...TEAM_ROLE_IDS.map((id) => Type.Literal(id)), Type.Null()])) },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

const FixtureOrganization = Type.Object(
  {
    slug: Slug,
    name: NameText({ minLength: 1, maxLength: 64 }),
    settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    features: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
    authProvider: Type.Optional(
      Type.Object({ provider: Type.String({ minLength: 1 }), allowUnlinked: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    ),
    teams: Type.Optional(
      Type.Array(
        Type.Object(
          { slug: Slug, name: Type.Optional(NameText({ maxLength: 64 })), idpProvisioned: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      ),
    ),
    members: Type.Optional(Type.Array(FixtureMember)),
  },
  { additionalProperties: false },
);

/** The `roster seed` fixture: users, organizations with teams and members, and extra API tokens. */
export const Fixture = Type.Object(
  {
    users: Type.Optional(Type.Array(FixtureUser)),
    organizations: Type.Optional(Type.Array(FixtureOrganization)),
    tokens: Type.Optional(
      Type.Array(Type.Object({ user: Email, scopes: Type.Optional(Type.Array(Type.String())) }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false },
);

export type Fixture = Static<typeof Fixture>;
export type FixtureMember = Static<typeof FixtureMember>;
