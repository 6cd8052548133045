// Which fields each state type has, and in which query language. One table answers three
// questions for every state: is this field known at all, is it allowed in this state's query
// language, and (by elimination) did the author mean the other language. Keeping it a table
// rather than code per state makes "every documented field" reviewable at a glance.
import { at, type CheckContext, quote, report } from './check-context.js';
import type { AslStateType } from './types.js';

/** The query language a field belongs to. */
export type FieldLanguage = 'both' | 'JSONPath' | 'JSONata';

const COMMON: Record<string, FieldLanguage> = { Type: 'both', Comment: 'both', QueryLanguage: 'both' };
const TRANSITION: Record<string, FieldLanguage> = { Next: 'both', End: 'both' };
const IO_PATHS: Record<string, FieldLanguage> = {
  InputPath: 'JSONPath',
  OutputPath: 'JSONPath',
  Output: 'JSONata',
};
const RESULT: Record<string, FieldLanguage> = {
  Parameters: 'JSONPath',
  ResultSelector: 'JSONPath',
  ResultPath: 'JSONPath',
  Assign: 'both',
};
const ERRORS: Record<string, FieldLanguage> = { Retry: 'both', Catch: 'both' };

/** The fields of each state type. */
export const STATE_FIELDS: Record<AslStateType, Record<string, FieldLanguage>> = {
  Pass: {
    ...COMMON,
    ...TRANSITION,
    ...IO_PATHS,
    Parameters: 'JSONPath',
    Result: 'JSONPath',
    ResultPath: 'JSONPath',
    Assign: 'both',
  },
  Task: {
    ...COMMON,
    ...TRANSITION,
    ...IO_PATHS,
    ...RESULT,
    ...ERRORS,
    Arguments: 'JSONata',
    Resource: 'both',
    TimeoutSeconds: 'both',
    TimeoutSecondsPath: 'JSONPath',
    HeartbeatSeconds: 'both',
    HeartbeatSecondsPath: 'JSONPath',
    Credentials: 'both',
  },
  Choice: { ...COMMON, ...IO_PATHS, Choices: 'both', Default: 'both', Assign: 'both' },
  Wait: {
    ...COMMON,
    ...TRANSITION,
    ...IO_PATHS,
    Seconds: 'both',
    Timestamp: 'both',
    SecondsPath: 'JSONPath',
    TimestampPath: 'JSONPath',
    Assign: 'both',
  },
  Succeed: { ...COMMON, ...IO_PATHS },
  Fail: { ...COMMON, Error: 'both', Cause: 'both', ErrorPath: 'JSONPath', CausePath: 'JSONPath' },
  Parallel: {
    ...COMMON,
    ...TRANSITION,
    ...IO_PATHS,
    ...RESULT,
    ...ERRORS,
    Arguments: 'JSONata',
    Branches: 'both',
  },
  Map: {
    ...COMMON,
    ...TRANSITION,
    ...IO_PATHS,
    ...RESULT,
    ...ERRORS,
    ItemProcessor: 'both',
    Iterator: 'both',
    ItemsPath: 'JSONPath',
    Items: 'JSONata',
    ItemSelector: 'both',
    ItemReader: 'both',
    ItemBatcher: 'both',
    ResultWriter: 'both',
    MaxConcurrency: 'both',
    MaxConcurrencyPath: 'JSONPath',
    ToleratedFailureCount: 'both',
    ToleratedFailureCountPath: 'JSONPath',
    ToleratedFailurePercentage: 'both',
    ToleratedFailurePercentagePath: 'JSONPath',
    Label: 'both',
  },
};

/** The state types, for messages and membership tests. */
export const STATE_TYPES = Object.keys(STATE_FIELDS) as AslStateType[];

/** True when `type` names a state type. */
export function isStateType(type: unknown): type is AslStateType {
  return typeof type === 'string' && Object.hasOwn(STATE_FIELDS, type);
}

/** Where a field is found instead, to suggest it: a JSONata field's JSONPath counterpart and back. */
const COUNTERPARTS: Record<string, string> = {
  Parameters: 'Arguments',
  Arguments: 'Parameters',
  OutputPath: 'Output',
  ResultSelector: 'Output',
  ResultPath: 'Output',
  InputPath: 'Arguments',
  ItemsPath: 'Items',
  Items: 'ItemsPath',
  Result: 'Output',
};

/** Reports fields the state's type does not have, and fields of the other query language. */
export function checkStateFieldNames(
  ctx: CheckContext,
  type: AslStateType,
  state: Record<string, unknown>,
): void {
  const table = STATE_FIELDS[type];
  for (const field of Object.keys(state)) {
    const language = Object.hasOwn(table, field) ? table[field] : undefined;
    if (language === undefined) {
      report(at(ctx, field), 'UNKNOWN_FIELD', `a ${type} state has no field ${quote(field)}.`);
    } else if (language !== 'both' && language !== ctx.queryLanguage) {
      const counterpart = COUNTERPARTS[field];
      const hint = counterpart && Object.hasOwn(table, counterpart) ? `; use ${counterpart} instead` : '';
      report(
        at(ctx, field),
        'WRONG_QUERY_LANGUAGE',
        `${field} is a ${language} field, but the state uses ${ctx.queryLanguage}${hint}.`,
      );
    }
  }
}

/** True when the field is allowed for this type in the context's query language. */
export function fieldApplies(ctx: CheckContext, type: AslStateType, field: string): boolean {
  const table = STATE_FIELDS[type];
  const language = Object.hasOwn(table, field) ? table[field] : undefined;
  return language === 'both' || language === ctx.queryLanguage;
}
