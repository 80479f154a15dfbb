/**
 * Passwords (scrypt), session, device and CSRF tokens, and cookies. Time is a
 * parameter wherever it matters; rate limits live in attempts.ts.
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? fail(e) : ok(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const MIN_PASSWORD_LENGTH = 10;

/** The passwords guessed first (lists of leaked passwords, Chinese sites included); any of them, or one of them with digits added, is refused. */
const COMMON = ['password', 'passw0rd', 'qwerty', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx', '1q2w3e4r', 'abc123', 'a123456', 'woaini', 'iloveyou', 'admin', 'administrator', 'letmein', 'welcome', 'changeme', 'luoshi', 'dangan', 'zhengfu'];

const RUNS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz'];

/** A run of one or two characters, or of consecutive digits or letters up or down (12345678, 1234567890, abcdefgh, 98765432). */
function trivialRun(p: string): boolean {
  if (new Set(p).size <= 2) return true;
  return RUNS.some((r) => r.includes(p) || [...r].reverse().join('').includes(p));
}

/**
 * Why a password may not be used, or undefined when it may: too short, a
 * trivial run, a common password (with digits or symbols around it), or the
 * account's own name inside it.
 */
export function passwordProblem(password: string, accountName?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (trivialRun(lower)) return 'a password may not be a run of the same or consecutive characters';
  const letters = lower.replace(/[^a-z]/g, '');
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  if (/^\d+$/.test(lower) && new Set(lower).size < 5) return 'a password of digits alone needs more different digits';
  if (COMMON.some((c) => c === letters || c === alnum || c === alnum.replace(/\d+$/, ''))) return 'this password is among the first ones guessed';
  if (accountName && accountName.length >= 3 && lower.includes(accountName.toLowerCase())) return 'a password may not contain the account name';
  return undefined;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export const SESSION_COOKIE = 'luoshi_session';
export const CSRF_COOKIE = 'luoshi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function cookie(name: string, value: string, opts: { httpOnly: boolean; maxAgeSeconds?: number; secure?: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Strict',
    ...(opts.httpOnly ? ['HttpOnly'] : []), ...(opts.secure ? ['Secure'] : []),
    ...(opts.maxAgeSeconds !== undefined ? [`Max-Age=${opts.maxAgeSeconds}`] : []),
  ].join('; ');
}

/**
 * A token the server minted: random bytes and their HMAC under a secret the
 * server keeps. A CSRF cookie a client (or a sibling site) chose itself does
 * not verify, so the double-submit check only ever accepts tokens issued here.
 */
export function signedToken(secret: Uint8Array): string {
  const value = randomBytes(24).toString('base64url');
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64url')}`;
}

export function verifySignedToken(token: string | undefined, secret: Uint8Array): boolean {
  if (!token) return false;
  const dot = token.indexOf('.');
  if (dot <= 0) return false;
  return sameToken(token.slice(dot + 1), createHmac('sha256', secret).update(token.slice(0, dot)).digest('base64url'));
}

export const DEVICE_COOKIE = 'luoshi_device';
