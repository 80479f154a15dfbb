/**
 * Units and accounts, defined once: the zod schemas give the API's types
 * (the web app imports them with `import type`), request validation and the
 * OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { passwordProblem } from './auth.js';
import { ROLES } from './roles.js';

export const Id = z.number().int().positive();

/** An organisation unit (单位): a bureau, a county's office… in a tree. */
export const Unit = z.object({ id: Id, name: z.string(), parent_id: Id.nullable() }).openapi('Unit');
export type Unit = z.infer<typeof Unit>;

/** A unit named in an imported table: found by name, or created. */
export const UnitRef = z.object({ id: Id, name: z.string(), created: z.boolean() });
export type UnitRef = z.infer<typeof UnitRef>;

export const UnitCreate = z.object({ name: z.string().trim().min(1).max(100), parent_id: Id.nullable().default(null) });

export const Account = z
  .object({ id: Id, name: z.string(), role: z.enum(ROLES), unit_id: Id.nullable(), disabled: z.boolean(), created_at: z.string() })
  .openapi('Account');
export type Account = z.infer<typeof Account>;

export const AccountName = z.string().regex(/^[\p{L}\p{N}_.@-]{2,64}$/u, '2–64 letters, digits, _ . @ -');

export const AccountCreate = z
  .object({
    name: AccountName,
    password: z.string().max(1024),
    role: z.enum(ROLES),
    unit_id: Id.nullable().default(null),
  })
  .refine((a) => a.role !== 'unit_officer' || a.unit_id !== null, { message: 'a unit officer needs a unit_id', path: ['unit_id'] })
  .superRefine((a, ctx) => {
    const problem = passwordProblem(a.password, a.name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['password'] });
  });
export type AccountCreate = z.infer<typeof AccountCreate>;

export const UnitUpdate = z.object({ name: z.string().trim().min(1).max(100).optional(), parent_id: Id.nullable().optional() }).strict();

export const AccountUpdate = z.object({ role: z.enum(ROLES).optional(), unit_id: Id.nullable().optional(), disabled: z.boolean().optional() }).strict();

/** A one-time code to set a new password, shown once. */
export const ResetCode = z.object({ code: z.string(), expires_at: z.string(), account: Account }).openapi('ResetCode');

export const PasswordReset = z.object({ name: z.string().min(1).max(64), code: z.string().min(1).max(40), password: z.string().max(1024) }).strict();

export const Login = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
