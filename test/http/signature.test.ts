// Ed25519 signatures of interaction webhooks: the key from the portal's hex, and every way a
// request can fail the check.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, publicKeyFromHex, publicKeyToHex } from '../../src/http/signature.js';

const pair = generateKeyPairSync('ed25519');
const hex = publicKeyToHex(pair.publicKey);
const key = publicKeyFromHex(hex);
const now = Date.UTC(2026, 0, 5, 12, 0, 0);
const timestamp = String(now / 1000);
const body = Buffer.from('{"type":1}');
const signed = (t: string, b: Buffer) =>
  sign(null, Buffer.concat([Buffer.from(t), b]), pair.privateKey).toString('hex');

describe('checkSignature', () => {
  it('accepts the signature of timestamp + body made with the app key', () => {
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(checkSignature(key, signed(timestamp, body), timestamp, body, now)).toBe('ok');
  });

  it('refuses another body, another timestamp, another key, junk, or nothing', () => {
    const signature = signed(timestamp, body);
    expect(checkSignature(key, signature, timestamp, Buffer.from('{"type":2}'), now)).toBe('bad');
    expect(checkSignature(key, signature, String(now / 1000 + 1), body, now)).toBe('bad');
    const other = generateKeyPairSync('ed25519');
    const foreign = sign(null, Buffer.concat([Buffer.from(timestamp), body]), other.privateKey);
    expect(checkSignature(key, foreign.toString('hex'), timestamp, body, now)).toBe('bad');
    expect(checkSignature(key, 'zz'.repeat(64), timestamp, body, now)).toBe('bad');
    expect(checkSignature(key, undefined, timestamp, body, now)).toBe('missing');
    expect(checkSignature(key, signature, undefined, body, now)).toBe('missing');
  });

  it('refuses a valid signature more than 5 minutes old or ahead', () => {
    const old = String(now / 1000 - 301);
    expect(checkSignature(key, signed(old, body), old, body, now)).toBe('stale');
    const ahead = String(now / 1000 + 301);
    expect(checkSignature(key, signed(ahead, body), ahead, body, now)).toBe('stale');
    const recent = String(now / 1000 - 299);
    expect(checkSignature(key, signed(recent, body), recent, body, now)).toBe('ok');
  });

  it('rejects a public key that is not 32 bytes', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow(/32 bytes/);
  });
});
