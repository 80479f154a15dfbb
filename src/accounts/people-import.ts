/**
 * The unit list and accounts from one table (XLSX or CSV): columns 单位,
 * 上级单位, 账号, 角色, 初始密码 (any may be absent but 单位 or 账号). A row
 * with a unit adds it (under its parent, named in the table or already
 * stored); a row with an account adds it in that unit. Every row is checked
 * first; one bad row refuses the whole table (422 rows_invalid, each problem
 * named by its row) and nothing is written; otherwise all of it goes in one
 * transaction.
 */
import { InvalidInput, type FieldProblem } from '../errors.js';
import type { Writable } from '../store/transaction.js';
import { findHeader } from '../tables/header.js';
import { readTable } from '../tables/read.js';
import { hashPassword, passwordProblem } from './auth.js';
import { ROLES, type Role } from './roles.js';
import { AccountName } from './schema.js';

type Column = 'unit' | 'parent' | 'account' | 'role' | 'password';

const SYNONYMS: Record<string, Column> = {
  单位: 'unit', 单位名称: 'unit', 所属单位: 'unit', unit: 'unit',
  上级单位: 'parent', 上级: 'parent', parent: 'parent',
  账号: 'account', 账号名: 'account', 用户名: 'account', 登录名: 'account', account: 'account', name: 'account',
  角色: 'role', role: 'role',
  初始密码: 'password', 密码: 'password', password: 'password',
};

/** Roles by code or by the name the pages show. */
const ROLE_NAMES: Record<string, Role> = { 管理员: 'admin', 督查人员: 'supervisor', 督查室: 'supervisor', 责任单位联络员: 'unit_officer', 联络员: 'unit_officer', 领导: 'leader', ...Object.fromEntries(ROLES.map((r) => [r, r])) };

export interface PeopleImportResult {
  readonly units: string[];
  readonly accounts: string[];
}

export async function importPeople(store: Writable, bytes: Uint8Array, filename: string, now: Date): Promise<PeopleImportResult> {
  const { db } = store;
  const table = await readTable(bytes, filename);
  const header = findHeader(table, SYNONYMS, 'unit', '单位 (unit)');
  const cell = (r: readonly string[], c: Column) => (header.col(c) >= 0 ? (r[header.col(c)] ?? '').trim() : '');
  const existingUnits = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, Number(u.id)]));
  const existingAccounts = new Set((await db.selectFrom('accounts').select('name').execute()).map((a) => a.name));
  const problems: FieldProblem[] = [];
  const units: { name: string; parent: string; row: number }[] = [];
  const accounts: { name: string; role: Role; unit: string; password: string; row: number }[] = [];
  table.slice(header.at + 1).forEach((r, i) => {
    const row = header.at + i + 2;
    const say = (message: string) => problems.push({ field: `第${row}行`, message });
    const [unit, parent, account, roleText, password] = (['unit', 'parent', 'account', 'role', 'password'] as const).map((c) => cell(r, c));
    if (!unit && !account) return; // a blank row
    if (unit && !existingUnits.has(unit) && !units.some((u) => u.name === unit)) {
      if (unit.length > 100) say('单位名称超过 100 字');
      units.push({ name: unit, parent, row });
    }
    if (!account) return;
    const role = ROLE_NAMES[roleText] ?? (roleText ? undefined : unit ? 'unit_officer' : undefined);
    if (!AccountName.safeParse(account).success) say(`账号名「${account}」不合规：2–64 个字母、数字或 _ . @ -`);
    else if (existingAccounts.has(account) || accounts.some((a) => a.name === account)) say(`账号「${account}」已存在`);
    if (!role) say(`角色「${roleText}」无法识别（可填：管理员、督查人员、责任单位联络员、领导）`);
    if (role === 'unit_officer' && !unit) say('责任单位联络员须填写所属单位');
    const weak = passwordProblem(password, account);
    if (weak) say(`初始密码不可用：${weak}`);
    if (role) accounts.push({ name: account, role, unit, password, row });
  });
  for (const u of units) {
    if (u.parent && !existingUnits.has(u.parent) && !units.some((x) => x.name === u.parent)) problems.push({ field: `第${u.row}行`, message: `上级单位「${u.parent}」不存在` });
  }
  if (problems.length) throw new InvalidInput(`the table has ${problems.length} problem(s); nothing was imported`, problems, 'rows_invalid');
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const at = now.toISOString();
  await store.write(async (tx) => {
    const ids = new Map(existingUnits);
    // Parents first: a unit waits until the unit above it is in.
    for (let pending = [...units]; pending.length; ) {
      const ready = pending.filter((u) => !u.parent || ids.has(u.parent));
      if (ready.length === 0) throw new InvalidInput('上级单位形成循环', pending.map((u) => ({ field: `第${u.row}行`, message: `上级单位「${u.parent}」形成循环` })), 'rows_invalid');
      for (const u of ready) {
        const r = await tx.insertInto('units').values({ name: u.name, parent_id: u.parent ? ids.get(u.parent)! : null, created_at: at }).returning('id').executeTakeFirstOrThrow();
        ids.set(u.name, Number(r.id));
      }
      pending = pending.filter((u) => !ready.includes(u));
    }
    for (const [i, a] of accounts.entries()) {
      await tx.insertInto('accounts').values({ name: a.name, password_hash: hashes[i], role: a.role, unit_id: a.unit ? ids.get(a.unit)! : null, disabled: 0, created_at: at }).execute();
    }
  });
  return { units: units.map((u) => u.name), accounts: accounts.map((a) => a.name) };
}
