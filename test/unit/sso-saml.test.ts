import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SsoSignInError } from '../../src/sso/protocols/errors.js';
import {
  finishSamlSignIn,
  parseIdpMetadata,
  samlServiceProviderMetadata,
  startSamlSignIn,
  type SamlIdpConfig,
  type SamlServiceProvider,
} from '../../src/sso/protocols/saml.js';
import { testCertificate } from '../helpers/saml-certificates.js';
import { startSamlIdp, type ResponseVariant, type TestSamlIdp } from '../helpers/saml-idp.js';

// Roster's SAML service provider against a samlify IdP: the happy path, then every forged, misaddressed,
// mistimed or replayed response an attacker could post to the ACS URL, each refused with its code.
const sp: SamlServiceProvider = { entityId: 'https://roster.test/saml/metadata/acme/', acsUrl: 'https://roster.test/saml/acs/acme/' };
const alice = { nameId: 'alice-id-7', email: 'Alice@Example.com', name: 'Alice Liddell' };
let idp: TestSamlIdp;
let idpConfig: SamlIdpConfig;

before(async () => {
  idp = await startSamlIdp(sp);
  idpConfig = parseIdpMetadata(idp.metadataXml);
});

/** A replay ledger as the database will keep it: an id is new once. */
function ledger() {
  const seen = new Set<string>();
  return async (id: string) => {
    const before = seen.has(id);
    seen.add(id);
    return before;
  };
}

async function signIn(variant: ResponseVariant = 'genuine', options: { signWith?: Awaited<ReturnType<typeof testCertificate>> } = {}) {
  const { url, requestId } = await startSamlSignIn(idpConfig, sp, 'relay-123');
  const SAMLResponse = await idp.respond(url, alice, variant, options);
  return finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId, isAssertionSeen: ledger() });
}

async function refusedWith(code: string, attempt: Promise<unknown>) {
  await assert.rejects(attempt, (error: unknown) => {
    assert.ok(error instanceof SsoSignInError, `expected an SsoSignInError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.message}: ${String(error.cause)}`);
    return true;
  });
}

describe('SAML sign-in', () => {
  it('sends a redirect-binding AuthnRequest whose id the caller keeps, with the RelayState', async () => {
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, 'relay-123');
    const sent = new URL(url);
    assert.equal(`${sent.origin}${sent.pathname}`, idp.ssoUrl);
    assert.equal(sent.searchParams.get('RelayState'), 'relay-123');
    assert.equal(await idp.requestIdOf(url), requestId);
  });

  it('returns the identity of a genuine response (NameID, email attribute lower-cased, name)', async () => {
    assert.deepEqual(await signIn(), { id: 'alice-id-7', email: 'alice@example.com', emailVerified: true, name: 'Alice Liddell' });
  });

  it('takes the email from the NameID when no attribute carries one', async () => {
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, '');
    const SAMLResponse = await idp.respond(url, { nameId: 'bob@example.com' });
    const identity = await finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId, isAssertionSeen: ledger() });
    assert.deepEqual(identity, { id: 'bob@example.com', email: 'bob@example.com', emailVerified: true, name: null });
  });

  const attacks: Array<[ResponseVariant, string]> = [
    ['tampered', 'bad-signature'],
    ['signature-wrapping', 'bad-signature'],
    ['wrong-audience', 'wrong-audience'],
    ['wrong-recipient', 'wrong-recipient'],
    ['wrong-destination', 'wrong-destination'],
    ['wrong-issuer', 'wrong-issuer'],
    ['expired', 'expired'],
    ['not-yet-valid', 'not-yet-valid'],
    ['unsigned-assertion', 'unsigned-assertion'],
    ['unsigned', 'unsigned-assertion'],
    ['idp-initiated', 'unexpected-response'],
  ];
  for (const [variant, code] of attacks) {
    it(`refuses a response that is ${variant} (${code})`, async () => {
      await refusedWith(code, signIn(variant));
    });
  }

  it('reads the whole signed NameID when a comment was slipped into it after signing', async () => {
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, '');
    const SAMLResponse = await idp.respond(url, { nameId: 'victim@example.com.evil.test' }, 'comment-in-nameid');
    assert.match(Buffer.from(SAMLResponse, 'base64').toString('utf8'), /victim@example\.com<!---->\.evil\.test/);
    const identity = await finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId, isAssertionSeen: ledger() });
    assert.equal(identity.id, 'victim@example.com.evil.test');
    assert.equal(identity.email, 'victim@example.com.evil.test');
  });

  it('refuses a response signed with a key other than the configured certificate', async () => {
    await refusedWith('bad-signature', signIn('genuine', { signWith: await testCertificate('Impostor IdP') }));
  });

  it('refuses a response to another AuthnRequest than the one this browser sent', async () => {
    const mine = await startSamlSignIn(idpConfig, sp, '');
    const other = await startSamlSignIn(idpConfig, sp, '');
    const SAMLResponse = await idp.respond(other.url, alice);
    await refusedWith('unexpected-response', finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId: mine.requestId, isAssertionSeen: ledger() }));
  });

  it('refuses the same response posted twice (assertion id seen before)', async () => {
    const isAssertionSeen = ledger();
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, '');
    const SAMLResponse = await idp.respond(url, alice);
    await finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId, isAssertionSeen });
    await refusedWith('replayed', finishSamlSignIn(idpConfig, sp, { SAMLResponse }, { requestId, isAssertionSeen }));
  });

  it('refuses a second response to the same AuthnRequest (InResponseTo seen before)', async () => {
    const isAssertionSeen = ledger();
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, '');
    const first = await idp.respond(url, alice);
    const second = await idp.respond(url, alice);
    await finishSamlSignIn(idpConfig, sp, { SAMLResponse: first }, { requestId, isAssertionSeen });
    await refusedWith('replayed', finishSamlSignIn(idpConfig, sp, { SAMLResponse: second }, { requestId, isAssertionSeen }));
  });

  it('records the ids of genuine responses only, until the assertion expires', async () => {
    const recorded: Array<[string, Date]> = [];
    const isAssertionSeen = async (id: string, expiresAt: Date) => (recorded.push([id, expiresAt]), false);
    const forged = await startSamlSignIn(idpConfig, sp, '');
    await assert.rejects(finishSamlSignIn(idpConfig, sp, { SAMLResponse: await idp.respond(forged.url, alice, 'tampered') }, { requestId: forged.requestId, isAssertionSeen }));
    assert.equal(recorded.length, 0, "a forged response recorded ids");
    const { url, requestId } = await startSamlSignIn(idpConfig, sp, '');
    await finishSamlSignIn(idpConfig, sp, { SAMLResponse: await idp.respond(url, alice) }, { requestId, isAssertionSeen });
    assert.deepEqual(recorded.map(([id]) => id.startsWith('_assertion-') || id === `in-response-to:${requestId}`), [true, true]);
    for (const [, expiresAt] of recorded) assert.ok(expiresAt.getTime() > Date.now() && expiresAt.getTime() <= Date.now() + 5 * 60_000);
  });

  it('refuses a post without a SAMLResponse', async () => {
    await refusedWith('invalid-response', finishSamlSignIn(idpConfig, sp, {}, { requestId: '_x', isAssertionSeen: ledger() }));
  });
});

describe('SAML service provider metadata', () => {
  it('names Roster entity id and ACS URL, and asks for signed assertions', async () => {
    const xml = await samlServiceProviderMetadata(sp);
    assert.match(xml, new RegExp(`entityID="${sp.entityId}"`));
    assert.match(xml, new RegExp(`Location="${sp.acsUrl}"`));
    assert.match(xml, /WantAssertionsSigned="true"/);
  });
});
