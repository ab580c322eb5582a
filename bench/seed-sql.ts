/**
 * The benchmark's organizations, built with set-based SQL (generate_series), not row by row: 10,000
 * members load in about a second and 1,000,000 in well under a minute. The same statements run on
 * PostgreSQL and inside PGlite, so both engines measure the same data.
 */
export interface OrgShape {
  slug: string;
  members: number;
  teams: number;
  /** How many teams each member is on (0 for the large list-only organization). */
  teamsPerMember: 0 | 2;
}

/** First names cycle through the members, so a search for one of them matches 1 member in 20. */
export const FIRST_NAMES = [
  'Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Julia',
  'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara',
];

/** The member at this position is `<slug>-<index>@example.com`; position 0 is the owner, 1 the manager. */
export function memberEmail(slug: string, index: number): string {
  return `${slug}-${index}@example.com`;
}

export function seedStatements({ slug, members, teams, teamsPerMember }: OrgShape): string[] {
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error(`bad slug ${slug}`);
  const names = `array[${FIRST_NAMES.map((name) => `'${name}'`).join(', ')}]`;
  const org = `(select id from organizations where slug = '${slug}')`;
  const statements = [
    // Invites are measured by the thousand: Sentry's 100-a-day invite limit would turn them into 429s.
    `insert into organizations (slug, name, features) values ('${slug}', '${slug}', '{"invite-members-rate-limits": false}')`,
    `insert into teams (organization_id, slug, name)
       select ${org}, 'team-' || g, 'Team ' || g from generate_series(0, ${teams - 1}) g order by g`,
    `insert into users (email, name, email_verified)
       select '${slug}-' || g || '@example.com', (${names})[g % ${FIRST_NAMES.length} + 1] || ' ' || g, true
         from generate_series(0, ${members - 1}) g order by g`,
    `insert into members (organization_id, user_id, role)
       select ${org}, u.id, case g when 0 then 'owner' when 1 then 'manager' else 'member' end
         from generate_series(0, ${members - 1}) g
         join users u on u.email = '${slug}-' || g || '@example.com'
        order by g`,
  ];
  if (teamsPerMember === 2) {
    // Member n is on teams n % T and (n + T/2) % T.
    statements.push(`insert into member_teams (organization_id, member_id, team_id)
       select m.organization_id, m.id, t.id
         from (select organization_id, id, row_number() over (order by id) - 1 as g
                 from members where organization_id = ${org}) m
         join teams t on t.organization_id = m.organization_id
          and t.slug in ('team-' || (m.g % ${teams}), 'team-' || ((m.g + ${Math.floor(teams / 2)}) % ${teams}))`);
  }
  statements.push('analyze');
  return statements;
}
