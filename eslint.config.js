import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Issue 14: `members` and `member_teams` have one writer, src/members/. Kysely's write builders and
// raw SQL that name either table are refused anywhere else.
const MEMBER_TABLES = '(members|member_teams)';
const memberTableWrites = [
  {
    selector: `CallExpression[callee.property.name=/^(insertInto|updateTable|deleteFrom|mergeInto)$/] > Literal.arguments:first-child[value=/^${MEMBER_TABLES}(\\s+as\\s+\\w+)?$/]`,
    message: 'Only src/members/ writes the members and member_teams tables: ask its service or queries.',
  },
  {
    selector: `TemplateElement[value.raw=/\\b(insert\\s+into|update|delete\\s+from)\\s+${MEMBER_TABLES}\\b/i]`,
    message: 'Only src/members/ writes the members and member_teams tables: ask its service or queries.',
  },
];

const KNOWN_MEMBER_TABLE_WRITERS = [
  'src/invites/accept.queries.ts',
  'src/invites/invites.queries.ts',
  'src/organizations/member-compliance.queries.ts',
  'src/seed/seed.ts',
  'src/teams/member-teams.queries.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/dist/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/members/**',
      // Writers to move into src/members/ (issue 14); none may be added.
      ...KNOWN_MEMBER_TABLE_WRITERS,
    ],
    rules: { 'no-restricted-syntax': ['error', ...memberTableWrites] },
  },
  {
    // Issue 14: the audit log is written through recordAudit, which holds each event to its payload
    // type; its table's queries (which store any shape) are the audit folder's own.
    files: ['src/**/*.ts'],
    ignores: ['src/audit/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/audit/audit.queries.js'],
          message: 'Write audit entries with recordAudit (src/audit/record-audit.ts): it checks each payload against its event.',
        }],
      }],
    },
  },
  {
    // The console runs in the browser.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
