/**
 * Option values checked as the API checks its queries: one zod schema per
 * command, built from the blocks below, turning commander's strings into
 * typed values. A value that does not fit is a UsageError naming the option,
 * the value and what it accepts, e.g.
 *   luoshi: invalid --level "city": expected one of national, province, prefecture, county, district
 */
import { z } from 'zod';
import { LEVELS, PARTS } from '../vocab.js';
import { UsageError } from './errors.js';

/** A value from a fixed list; the message lists them all. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

/** A whole number written in decimal digits (no 1e3, 0x10, " 7" or 7.0) within bounds. */
export function wholeNumber(min: number, max: number, what = `a whole number from ${min} to ${max}`) {
  const expected = `expected ${what}`;
  return z.string().regex(/^-?\d{1,15}$/, expected).transform(Number).pipe(z.number().min(min, expected).max(max, expected));
}

/** A positive size in MiB, fractions allowed (0.5 = 512 KiB). */
export const MiB = z
  .string()
  .regex(/^(\d{1,9}(\.\d*)?|\.\d+)$/, 'expected a positive number of MiB')
  .transform(Number)
  .pipe(z.number().positive('expected a positive number of MiB'));

export const Year = wholeNumber(1949, 2100, 'a year from 1949 to 2100');
export const Level = oneOf(LEVELS);
export const Part = oneOf(PARTS);
export const Port = wholeNumber(0, 65535, 'a port from 0 to 65535');
export const Limit = wholeNumber(1, 10000);
export const Db = z.string().min(1, 'expected a SQLite file or a postgres:// URL').optional();
export const Place = z.string().trim().min(1, 'expected a place name').max(50, 'expected at most 50 characters');
export const Indicator = z.string().trim().min(1, 'expected an indicator id such as gdp').max(80, 'expected at most 80 characters');
/** The name standard input stands for: a file name, as an upload's (no folders). */
export const FileName = z.string().min(1).max(255).regex(/^[^/\\]+$/, 'expected a file name, not a path');

export const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** What a command prints: --json is short for --format json. */
export interface OutputOptions {
  readonly json?: boolean;
  readonly format: Format;
  readonly out?: string;
}

export function formatOf(o: OutputOptions): Format {
  return o.json ? 'json' : o.format;
}

/** The output options (--json, --format, --out); a command adds its own with `Output.safeExtend({…})`. */
export const Output = z
  .strictObject({ json: z.boolean().optional(), format: oneOf(FORMATS).default('text'), out: z.string().min(1).optional() })
  .superRefine((o, ctx) => {
    if (o.json && o.format !== 'text' && o.format !== 'json') ctx.addIssue({ code: 'custom', path: [], message: `--json and --format ${o.format} ask for different outputs: give one` });
  });

/** camelCase option key → the flag the user typed; positional arguments show as <name>. */
function flagOf(key: string, positional: readonly string[]): string {
  return positional.includes(key) ? `<${key}>` : '--' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/**
 * Checks commander's option values (and positional arguments, named in
 * `positional`) against a command's schema. The first problem is reported:
 * one line is what a person reads.
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Readonly<Record<string, unknown>>, positional: readonly string[] = []): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue.path[0];
  // An option the schema does not know is a defect of the command's definition, not of the user's input.
  if (issue.code === 'unrecognized_keys') throw new Error(`option schema lacks ${issue.keys.join(', ')}`);
  if (typeof key !== 'string') throw new UsageError(issue.message);
  const flag = flagOf(key, positional);
  const value = raw[key];
  if (value === undefined) throw new UsageError(`missing ${flag}: ${issue.message}`, flag);
  throw new UsageError(`invalid ${flag} ${JSON.stringify(value)}: ${issue.message}`, flag);
}
