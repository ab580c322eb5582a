import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { NAME_CHARACTERS_MESSAGE } from '../../src/platform/lib/names.js';
import { SeedError } from '../../src/seed/seed.js';

/**
 * Issue 13, item 8: an organization named with CR/LF produced an invite email whose text part held a
 * line `Bcc: a@evil.test`. Names (organization, team, user) refuse control characters and line breaks
 * wherever they are set: the API (a 400 naming the field), the seed (an error naming the entry), the CLI
 * (cli.test.ts).
 */
describe('names refuse control characters and line breaks', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await createHarness();
    const seeded = await h.seed({
      users: [{ email: 'o@example.com' }],
      organizations: [{ slug: 'acme', name: 'Acme', teams: [{ slug: 'core' }], members: [{ email: 'o@example.com', role: 'owner' }] }],
    });
    token = seeded.users['o@example.com']!.token;
  });
  after(() => h.close());

  const BAD = ['Acme\r\nBcc: a@evil.test', 'Acme\nline', 'tab\there', 'bell\u0007', 'del\u007f', 'c1\u0085', 'ls\u2028ps', 'para\u2029', 'lone \ud800 surrogate', 'x\udfffy'];
  const rows = () =>
    Promise.all([
      h.database.db.selectFrom('organizations').select(['slug', 'name']).orderBy('id').execute(),
      h.database.db.selectFrom('teams').select(['slug', 'name']).orderBy('id').execute(),
    ]).then((parts) => JSON.stringify(parts));

  it('the API answers 400 under the field and writes nothing: organization create and rename, team create and rename', async () => {
    const before = await rows();
    for (const name of BAD) {
      const cases: Array<[string, string, unknown]> = [
        ['POST', '/api/0/organizations/', { name }],
        ['PUT', '/api/0/organizations/acme/', { name }],
        ['POST', '/api/0/organizations/acme/teams/', { name, slug: 'fresh' }],
        ['PUT', '/api/0/teams/acme/core/', { name }],
      ];
      for (const [method, url, body] of cases) {
        const response = await h.request(token, method as 'POST', url, body);
        assert.equal(response.status, 400, `${method} ${url} ${JSON.stringify(name)}`);
        assert.deepEqual(response.body, { name: [NAME_CHARACTERS_MESSAGE] }, `${method} ${url}`);
      }
    }
    assert.equal(await rows(), before);
  });

  it('ordinary names, accents, emoji and inner spaces still pass', async () => {
    for (const name of ['Acme Inc.', 'Café Zoë', 'Équipe 🚀', 'a  b']) {
      const response = await h.request(token, 'PUT', '/api/0/teams/acme/core/', { name });
      assert.equal(response.status, 200, name);
      assert.equal(response.body.name, name);
    }
  });

  it('the seed refuses them with a message naming the entry, and keeps nothing', async () => {
    const before = await rows();
    const fixtures: Array<[unknown, string]> = [
      [{ users: [{ email: 'x@example.com', name: 'X\nBcc: a@evil.test' }] }, 'users[0].name'],
      [{ organizations: [{ slug: 'evil', name: 'Evil\r\n' }] }, 'organizations[0].name'],
      [{ organizations: [{ slug: 'evil', name: 'Evil', teams: [{ slug: 't', name: 'T\u2028' }] }] }, 'organizations[0].teams[0].name'],
    ];
    for (const [fixture, where] of fixtures) {
      await assert.rejects(h.seed(fixture), (error: Error) => error instanceof SeedError && error.message === `${where}: ${NAME_CHARACTERS_MESSAGE}`);
    }
    assert.equal(await rows(), before);
  });
});
