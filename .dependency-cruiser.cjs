/**
 * The directions code may depend in (issue 14), checked by `npm run lint`. Arrows that broke a rule
 * when the check was introduced are listed in .dependency-cruiser-known-violations.json and tolerated
 * until the re-layout removes them; any new one fails the lint.
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
    // Folders depend downwards only: platform (db, http, lib, mail) at the bottom; the roles and
    // the requester above it; the audit log; members; the resources that use members (invites,
    // teams); organizations; the entry points (src/*.ts, cli, seed, console) on top. The two
    // folders of one layer (accounts and auth) are to become one (identity).
    ...layer('platform', ['db', 'http', 'lib', 'mail'], ['roles', 'auth', 'accounts', 'audit', 'members', 'invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('roles', ['roles'], ['auth', 'accounts', 'audit', 'members', 'invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('identity', ['accounts'], ['auth', 'audit', 'members', 'invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('identity', ['auth'], ['audit', 'members', 'invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('audit', ['audit'], ['members', 'invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('members', ['members'], ['invites', 'teams', 'organizations', 'seed', 'cli', 'console']),
    ...layer('resources', ['invites', 'teams'], ['organizations', 'seed', 'cli', 'console']),
    ...layer('organizations', ['organizations'], ['seed', 'cli', 'console']),
    {
      name: 'sql-in-queries-files',
      severity: 'error',
      comment: 'SQL (Kysely at run time) is written in *.queries.ts and in the database layer only; others may import its types.',
      from: { path: '^src/', pathNot: ['\\.queries\\.ts$', '^src/db/'] },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
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
