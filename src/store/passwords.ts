// Password hashing with scrypt from node:crypto. The stored form carries its own parameters and salt,
// "scrypt$N$r$p$salt$hash" (base64url), so raising the cost later leaves existing hashes verifiable.

import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { STORE } from '../config.js';
import { InputError } from '../errors.js';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export function checkPasswordRules(password: string): void {
  if (password.length < STORE.minPasswordLength) {
    throw new InputError('bad-field', `The password must have at least ${STORE.minPasswordLength} characters.`);
  }
  if (password.length > STORE.maxPasswordLength) {
    throw new InputError('bad-field', `The password must have at most ${STORE.maxPasswordLength} characters.`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltBytes } = STORE.scrypt;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, { N, r, p, keyLength });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a malformed stored hash. */
export async function verifyPasswordHash(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length };
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || expected.length === 0) return false;
  if (password.length > STORE.maxPasswordLength) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return timingSafeEqual(actual, expected);
}

/** A well-formed hash of a random password: verifying against it costs the same as a real check, so an
 * unknown user name takes as long to refuse as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128·N·r bytes (32 MiB at the default cost), which is Node's default cap.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}
