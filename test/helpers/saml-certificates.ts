/** Self-signed certificates made at test time (selfsigned), so no key material lives in the repository. */
import { generate } from 'selfsigned';

export interface TestKeyPair {
  /** PEM private key. */
  privateKey: string;
  /** PEM certificate. */
  certificate: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A signing certificate valid from yesterday for `days` days (negative: already expired). */
export async function testCertificate(commonName: string, validity: { fromDays?: number; days?: number } = {}): Promise<TestKeyPair> {
  const from = new Date(Date.now() + (validity.fromDays ?? -1) * DAY_MS);
  const until = new Date(from.getTime() + (validity.days ?? 30) * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: from,
    notAfterDate: until,
  });
  return { privateKey: pems.private, certificate: pems.cert };
}

/** The base64 DER body of a PEM certificate, as IdP metadata carries it. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
