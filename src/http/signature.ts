// Discord signs every interaction webhook with the application's Ed25519 key: the signature
// (X-Signature-Ed25519, hex) covers the timestamp (X-Signature-Timestamp) followed by the raw body.
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How old (or how far in the future) a signed timestamp may be. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex digits)');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

/** The 64 hex digits of an Ed25519 public key (what the Developer Portal shows). */
export function publicKeyToHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

export type SignatureCheck = 'ok' | 'missing' | 'bad' | 'stale';

export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): SignatureCheck {
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'bad';
  let valid: boolean;
  try {
    valid = verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signature, 'hex'),
    );
  } catch {
    return 'bad';
  }
  if (!valid) return 'bad';
  // Checked after the signature, so a replayed request learns nothing it could not already see.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return 'stale';
  return 'ok';
}
