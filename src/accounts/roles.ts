/**
 * Who may do what, as data shared by every feature (督办, 票决, 建议/提案) and
 * the web app. Pure: no imports.
 */

/**
 * admin: accounts and units; supervisor: the 督查室; unit_officer: answers for a unit; leader: reads and gives 批示;
 * reviewer: signs rulings on scorecard items (审核人).
 */
export const ROLES = ['admin', 'supervisor', 'unit_officer', 'leader', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that run a feature: the supervision office and the administrator. */
export const MANAGE: readonly Role[] = ['admin', 'supervisor'];

/** Roles that may add reports to the published record and choose the authoritative one. */
export const IMPORTERS: readonly Role[] = ['admin', 'supervisor'];

/** Roles that may rule on a scorecard item (confirm or change the machine's verdict): reviewers, and administrators. */
export const RULERS: readonly Role[] = ['admin', 'reviewer'];
