import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type MailHarness } from '../helpers/harness.js';
import { EVENT, auditEntries, buildOrg, orgRow } from '../helpers/org-factory.js';
import { mailsTo } from '../helpers/smtp.js';

const HOUR_MS = 60 * 60 * 1000;

describe('DELETE /api/0/organizations/{org}/ and cancelDeletion (sentry-behavior.md §5.7, §8.7, §12 item 11)', () => {
  let h: MailHarness;
  before(async () => {
    h = await createHarness({ mail: true });
  });
  after(async () => {
    await h.close();
  });

  it('§5.7: needs org:admin (a manager gets 403); another organization is a 404', async () => {
    const org = await buildOrg(h, { slug: 'del-perm', members: { owner: { role: 'owner' }, manager: { role: 'manager' } } });
    const outsider = await buildOrg(h, { slug: 'del-perm-other', members: { owner: { role: 'owner' } } });
    const manager = await h.request(org.tokens.manager!, 'DELETE', '/api/0/organizations/del-perm/');
    assert.equal(manager.status, 403);
    assert.deepEqual(manager.body, { detail: 'You do not have permission to perform this action.' });
    assert.equal((await h.request(outsider.tokens.owner!, 'DELETE', '/api/0/organizations/del-perm/')).status, 404);
    assert.equal((await orgRow(h, org.id)).status, 0);
  });

  it('queues the deletion in 24 h (202, detailed org), writes org.remove and emails every owner a restore link', async () => {
    const org = await buildOrg(h, { slug: 'del-org', members: { owner: { role: 'owner', name: 'Owner' }, owner2: { role: 'owner' }, manager: { role: 'manager' } }, name: 'Del Org' });
    const response = await h.request(org.tokens.owner!, 'DELETE', '/api/0/organizations/del-org/');
    assert.equal(response.status, 202);
    assert.deepEqual(response.body.status, { id: 'pending_deletion', name: 'pending_deletion' });
    assert.equal(response.body.slug, 'del-org');
    const row = await orgRow(h, org.id);
    assert.equal(row.status, 1);
    const scheduled = row.deletion_scheduled_at!.getTime();
    assert.equal(scheduled, h.clock.now().getTime() + 24 * HOUR_MS);

    const removes = await auditEntries(h, org.id, EVENT.ORG_REMOVE);
    assert.equal(removes.length, 1);
    assert.equal(removes[0]!.actor_id, org.userIds.owner);
    assert.equal(removes[0]!.data.slug, 'del-org');
    assert.equal(removes[0]!.data.status, 1);

    await h.deliverMail();
    for (const key of ['owner', 'owner2']) {
      const mails = mailsTo(h.smtp.messages, org.emailOf(key));
      assert.equal(mails.length, 1, key);
      assert.equal(mails[0]!.subject, '[Roster] Organization Queued for Deletion');
      for (const part of [mails[0]!.text ?? '', String(mails[0]!.html)]) {
        assert.ok(part.includes('http://roster.test/organizations/del-org/restore/'), 'restore link');
        assert.ok(part.includes('Owner'), 'who asked');
        assert.ok(part.includes(new Date(scheduled).toISOString()), 'when');
      }
    }
    assert.deepEqual(mailsTo(h.smtp.messages, org.emailOf('manager')), []);

    h.clock.advance(HOUR_MS);
    const again = await h.request(org.tokens.owner2!, 'DELETE', '/api/0/organizations/del-org/');
    assert.equal(again.status, 202);
    assert.equal((await orgRow(h, org.id)).deletion_scheduled_at!.getTime(), scheduled, 'one schedule');
    assert.equal((await auditEntries(h, org.id, EVENT.ORG_REMOVE)).length, 1);
    await h.deliverMail();
    assert.equal(mailsTo(h.smtp.messages, org.emailOf('owner2')).length, 1, 'no second email');
  });

  it('§12 item 11 (not copied): only cancelDeletion from org:admin restores; other PUTs leave the deletion pending', async () => {
    const org = await buildOrg(h, { slug: 'del-restore', members: { owner: { role: 'owner' }, manager: { role: 'manager' } } });
    await h.request(org.tokens.owner!, 'DELETE', '/api/0/organizations/del-restore/');

    const edit = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/del-restore/', { isEarlyAdopter: true });
    assert.equal(edit.status, 200);
    assert.equal(edit.body.status.id, 'pending_deletion');
    const byManager = await h.request(org.tokens.manager!, 'PUT', '/api/0/organizations/del-restore/', { cancelDeletion: true });
    assert.equal(byManager.status, 200);
    assert.equal(byManager.body.status.id, 'pending_deletion', 'ignored without org:admin');
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_RESTORE), []);
    assert.equal((await orgRow(h, org.id)).status, 1);

    const restored = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/del-restore/', { cancelDeletion: true, name: 'Restored' });
    assert.equal(restored.status, 200);
    assert.deepEqual(restored.body.status, { id: 'active', name: 'active' });
    const row = await orgRow(h, org.id);
    assert.deepEqual([row.status, row.deletion_scheduled_at], [0, null]);
    const restores = await auditEntries(h, org.id, EVENT.ORG_RESTORE);
    assert.equal(restores.length, 1);
    assert.equal(restores[0]!.data.status, 0);
    const edits = await auditEntries(h, org.id, EVENT.ORG_EDIT);
    assert.deepEqual(edits.map((entry) => entry.data), [{ early_adopter: 'to True' }, { name: 'from del-restore to Restored' }]);

    const noop = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/del-restore/', { cancelDeletion: true });
    assert.equal(noop.status, 200);
    assert.equal((await auditEntries(h, org.id, EVENT.ORG_RESTORE)).length, 1, 'nothing to restore on an active organization');
  });
});
