/**
 * Voting codes (投票凭证码): each deputy on a roster gets one, printed and
 * handed over; it is shown once and only its hash is stored. Deputies need
 * no account, and the code says nothing about the ballot it casts.
 */
import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off paper and typed.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

export function newVotingCode(): string {
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Case, spaces and dashes as typed do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s\-—_]/g, '');
}

export function codeHash(code: string): string {
  return createHash('sha256').update(`luoshi-vote:${normalizeCode(code)}`).digest('hex');
}

/** A ballot's id: random, so ballots stored in id order are in no particular order. */
export function ballotId(): number {
  return randomInt(1, 2 ** 47);
}
