// The ASL of the entries a state lists rather than its own fields: Retry rules, Catch rules
// and the options of Choice rules. Each entry's options are checked on their own (with the
// entry's index in messages), and a Catch and a Choice rule take the same kind of options (an
// output, variables to assign, a comment), so one table-driven function serves both.
import type { AslRetrier } from '../asl/types.js';
import { checkAssignSchema, json, positive, string } from './fields.js';
import type { ProblemLog } from './problems.js';

/** Turns retry options into an ASL Retrier. */
export function retrier(errorEquals: unknown, options: Record<string, unknown>, where: string): AslRetrier {
  if (!Array.isArray(errorEquals) || errorEquals.some((e) => typeof e !== 'string')) {
    throw new TypeError(`${where}: errorEquals must be an array of error names`);
  }
  const known = [
    'errorEquals',
    'intervalSeconds',
    'maxAttempts',
    'backoffRate',
    'maxDelaySeconds',
    'jitterStrategy',
    'comment',
  ];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${where}: unknown retry option '${key}'`);
  }
  const out: AslRetrier = { ErrorEquals: [...(errorEquals as string[])] };
  if (options.intervalSeconds !== undefined)
    out.IntervalSeconds = positive(options.intervalSeconds, `${where}.intervalSeconds`) as number;
  if (options.maxAttempts !== undefined)
    out.MaxAttempts = positive(options.maxAttempts, `${where}.maxAttempts`) as number;
  if (options.backoffRate !== undefined) {
    if (typeof options.backoffRate !== 'number' || options.backoffRate < 1) {
      throw new RangeError(`${where}.backoffRate must be a number of at least 1.0`);
    }
    out.BackoffRate = options.backoffRate;
  }
  if (options.maxDelaySeconds !== undefined)
    out.MaxDelaySeconds = positive(options.maxDelaySeconds, `${where}.maxDelaySeconds`) as number;
  if (options.jitterStrategy !== undefined) {
    if (options.jitterStrategy !== 'FULL' && options.jitterStrategy !== 'NONE') {
      throw new TypeError(`${where}.jitterStrategy must be 'FULL' or 'NONE'`);
    }
    out.JitterStrategy = options.jitterStrategy;
  }
  if (options.comment !== undefined) out.Comment = string(options.comment, `${where}.comment`) as string;
  return out;
}

/** The options a Catch or a Choice rule takes, with their ASL field; `null`: checked, not copied. */
const ENTRY_OPTIONS: Record<'Catch' | 'Choice rule', Record<string, string | null>> = {
  Catch: {
    resultPath: 'ResultPath',
    output: 'Output',
    assign: 'Assign',
    comment: 'Comment',
    outputSchema: null,
    assignSchema: null,
  },
  'Choice rule': { output: 'Output', assign: 'Assign', comment: 'Comment', assignSchema: null },
};

/**
 * The ASL fields of a Catch's or a Choice rule's options (`undefined` options are left out);
 * each unknown or malformed option, and an assignSchema not matching assign, is recorded in
 * `log` naming `where` and the option.
 */
export function entryFields(
  entry: 'Catch' | 'Choice rule',
  options: Record<string, unknown>,
  where: string,
  log: ProblemLog,
): Record<string, unknown> {
  const known = ENTRY_OPTIONS[entry];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const field = Object.hasOwn(known, key) ? known[key] : undefined;
    if (field === undefined) {
      log.add(new TypeError(`${where}: a ${entry} has no option '${key}'`));
      continue;
    }
    if (field === null) continue;
    const convert = key === 'comment' ? string : json;
    log.attempt(() => {
      fields[field] = convert(value, `${where}: ${key}`);
    }, undefined);
  }
  log.attempt(() => checkAssignSchema(options, where), undefined);
  return fields;
}
