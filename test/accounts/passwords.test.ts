import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/accounts/auth.js';
import { AccountCreate } from '../../src/accounts/schema.js';

describe('which passwords may be used', () => {
  it.each(['12345678', '1234567890', 'abcdefghij', '9876543210', 'aaaaaaaaaa', 'ababababab', 'password123', 'Password!!', 'qwertyuiop', '1qaz2wsx!!', 'woaini1314', 'short1!'])('refuses %s', (p) => {
    expect(passwordProblem(p)).toBeDefined();
  });

  it('refuses a password holding the account name', () => {
    expect(passwordProblem('zhangwei-2024', 'zhangwei')).toMatch(/account name/);
  });

  it.each(['S3cret-pass!', '长城烽火二〇二四年夏天', 'tea kettle mountain', '83920174652'])('accepts %s', (p) => {
    expect(passwordProblem(p, 'root')).toBeUndefined();
  });

  it('is what creating an account checks', () => {
    const r = AccountCreate.safeParse({ name: 'clerk', password: '12345678', role: 'supervisor' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/password/);
  });
});
