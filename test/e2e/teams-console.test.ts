import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { SeedResult } from '../../src/seed/seed.js';
import { apiGet, signedIn } from './console-session.js';

// Enough members that a picker loading them all would need many pages (the API gives at most 100).
const CROWD = 1200;
const crowd = Array.from({ length: CROWD }, (_, i) => `person${String(i).padStart(4, '0')}@example.com`);

/** Issue 12, the teams side: "Add member" and "Add to team" act at once, searching the server; unknown team or member pages. */
describe('console: teams and pickers', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeedResult;
  const OWNER = 'olive@example.com';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    seeded = await server.seed({
      users: [
        { email: OWNER, name: 'Olive Owner' },
        // Last in every alphabetical order, so no first page of members holds her.
        { email: 'zz.zelda@example.com', name: 'Zelda Zed' },
        ...crowd.map((email, i) => ({ email, name: `Person ${i}` })),
      ],
      organizations: [
        {
          slug: 'acme',
          name: 'Acme',
          teams: [{ slug: 'backend', name: 'Backend' }, { slug: 'frontend', name: 'Frontend' }],
          members: [{ email: OWNER, role: 'owner' }, { email: 'zz.zelda@example.com', role: 'member' }, ...crowd.map((email) => ({ email, role: 'member' }))],
        },
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"Add member" on a team page finds a member among thousands on the server and adds them at once', { timeout: 180_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    const memberLists: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/0/organizations/acme/members/') memberLists.push(url.search);
    });
    await page.goto(`${server.url}/organizations/acme/teams/backend/`);
    await page.getByRole('heading', { name: '#backend' }).waitFor();
    // Only what the team page asks from here on (the page signed in on lists members its own way).
    memberLists.length = 0;
    const searchedZelda = page.waitForRequest((request) => {
      const url = new URL(request.url());
      return url.pathname === '/api/0/organizations/acme/members/' && (url.searchParams.get('query') ?? '').includes('zelda');
    });
    await page.getByRole('searchbox', { name: 'Add member' }).fill('zelda');
    await searchedZelda;
    await page.getByRole('button', { name: 'Add Zelda Zed to #backend' }).click();
    // At once: no save step; the team's list shows her, and the API agrees.
    await page.getByRole('list', { name: 'Members of #backend' }).getByRole('listitem').filter({ hasText: 'zz.zelda@example.com' }).waitFor();
    await page.getByText('Zelda Zed was added to #backend.').waitFor();
    const onTeam = await apiGet<Array<{ email: string }>>(server, seeded.users[OWNER]!.token, '/api/0/teams/acme/backend/members/');
    assert.ok(onTeam.some((m) => m.email === 'zz.zelda@example.com'));
    // Every member search asked the server for a small page of matches; none loaded the whole organization.
    assert.ok(memberLists.length > 0);
    for (const search of memberLists) {
      const params = new URLSearchParams(search);
      assert.equal(params.get('per_page'), '20', search);
    }
    // Her row's button names her and the team.
    await page.getByRole('button', { name: 'Remove Zelda Zed from #backend' }).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  it('"Add to team" on a member page searches the teams and adds at once; removing does too', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    const id = seeded.organizations.acme!.members['person0007@example.com']!;
    await page.goto(`${server.url}/organizations/acme/members/${id}/`);
    await page.getByRole('heading', { name: 'Person 7' }).waitFor();
    await page.getByRole('searchbox', { name: 'Add to team' }).fill('front');
    await page.getByRole('button', { name: 'Add Person 7 to #frontend' }).click();
    await page.getByRole('combobox', { name: 'Team role in #frontend' }).waitFor();
    const teams = async () => (await apiGet<{ teamRoles: Array<{ teamSlug: string }> }>(server, seeded.users[OWNER]!.token, `/api/0/organizations/acme/members/${id}/`)).teamRoles.map((t) => t.teamSlug);
    assert.deepEqual(await teams(), ['frontend']);
    await page.getByRole('button', { name: 'Remove Person 7 from #frontend' }).click();
    await page.getByText('Person 7 was removed from #frontend.').waitFor();
    assert.deepEqual(await teams(), []);
    assert.deepEqual(errors, []);
    await close();
  });

  it('an unknown team or member shows the same "Not found" page as an unknown organization', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await signedIn(browser, server, OWNER);
    for (const [path, text] of [
      ['/organizations/nowhere/members/', 'There is no such organization'],
      ['/organizations/acme/teams/nowhere/', 'There is no such team'],
      ['/organizations/acme/members/999999999/', 'There is no such member'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
      await page.getByText(text).waitFor();
      await page.getByRole('link', { name: 'Back to your organizations' }).waitFor();
    }
    assert.deepEqual(errors, []);
    await close();
  });
});
