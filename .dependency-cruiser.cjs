/**
 * The directions code may depend in (issue 14), checked by `npm run lint`: any arrow the wrong way
 * fails it.
 */
/** Rules that forbid each folder of `folders` to import any of `above` (nor the entry points in src/). */
function layer(name, folders, above) {
  return folders.map((folder) => ({
    name: `${name}-depends-downwards`,
    severity: 'error',
    comment: `src/${folder}/ is below ${above.join(', ')}: it may not import them, nor the entry points in src/.`,
    from: { path: `^src/${folder}/` },
    to: { path: [`^src/(${above.join('|')})/`, '^src/[^/]+\\.ts$'], pathNot: '^src/config\\.ts$' },
  }));
}

module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'Two files must not import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
    // Folders depend downwards only (README, "Layout"): platform (db, http, lib, mail) at the bottom;
    // access (roles, their rules, the requester, the organization context); identity (users, tokens,
    // sessions); the audit log; members, the only writer of members and member_teams; the resources
    // that use members (invites, teams); organizations; webhooks (the endpoints' API and the delivery
    // worker; the events themselves are queued through platform/webhooks, which every layer may call); sso (identity providers, above the
    // organization settings it switches); scim (provisioning through the identity provider's SCIM
    // client, above sso whose provider record it shares); the entry points (src/*.ts, cli, seed,
    // console) on top.
    ...layer('platform', ['platform'], ['access', 'audit', 'identity', 'members', 'invites', 'teams', 'organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('access', ['access'], ['audit', 'identity', 'members', 'invites', 'teams', 'organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('identity', ['identity'], ['audit', 'members', 'invites', 'teams', 'organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('audit', ['audit'], ['members', 'invites', 'teams', 'organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('members', ['members'], ['invites', 'teams', 'organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('resources', ['invites', 'teams'], ['organizations', 'webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('organizations', ['organizations'], ['webhooks', 'sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('webhooks', ['webhooks'], ['sso', 'scim', 'seed', 'cli', 'console']),
    ...layer('sso', ['sso'], ['scim', 'seed', 'cli', 'console']),
    ...layer('scim', ['scim'], ['seed', 'cli', 'console']),
    {
      name: 'no-folder-pairs',
      severity: 'error',
      comment: 'Two folders of one layer (invites and teams) must not import each other.',
      from: { path: '^src/(invites|teams)/' },
      to: { path: '^src/(invites|teams)/', pathNot: '^src/$1/' },
    },
    {
      name: 'sql-in-queries-files',
      severity: 'error',
      comment: 'SQL (Kysely at run time) is written in *.queries.ts and in the database layer only; others may import its types.',
      from: { path: '^src/', pathNot: ['\\.queries\\.ts$', '^src/platform/db/'] },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'product-without-bench',
      severity: 'error',
      comment: 'The benchmark (its harness and its peers, better-auth among them) never ships: the product imports none of it.',
      from: { path: '^(src|web/src)/' },
      to: { path: ['^bench/', 'node_modules/better-auth/'] },
    },
    {
      name: 'web-uses-the-api-only',
      severity: 'error',
      comment: 'The console talks to the server over HTTP; it imports none of its code.',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
