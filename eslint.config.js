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

// Inside a transaction's callback, the database handle is a second connection: a statement sent on it
// does not see the transaction's writes, and on PGlite (one connection) it waits for the transaction
// that waits for it. Only the callback's transaction handle may be used there.
const databaseHandleInTransaction = {
  selector:
    "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='transaction'] > :function Identifier[name=/^(db|database)$/]:not(Property > Identifier.key)",
  message: 'Inside a transaction, use its handle (tx), not the database handle: a statement on db runs outside the transaction.',
};

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
    ignores: ['src/members/**'],
    rules: { 'no-restricted-syntax': ['error', ...memberTableWrites, databaseHandleInTransaction] },
  },
  {
    files: ['src/members/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', databaseHandleInTransaction] },
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
