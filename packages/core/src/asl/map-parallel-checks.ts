// Parallel and Map: the states that contain sub-machines. Their sub-machines are validated by
// the caller's machine walker (passed in as `checkSubMachine`) so state names stay unique
// across the whole definition and every problem keeps its full path, e.g.
// `$.States.map.ItemProcessor.States.inner.Next`. The distributed-Map configuration objects
// (ItemReader, ItemBatcher, ResultWriter) are checked field by field.

import { resourceNameProblem } from '../names.js';
import {
  at,
  type CheckContext,
  describeType,
  expectEnum,
  expectInteger,
  expectNumber,
  isObject,
  quote,
  report,
} from './check-context.js';
import { checkArguments, checkPathField } from './data-fields.js';
import { checkJsonataValue, isJsonataExpression, literalOrExpression } from './jsonata-syntax.js';
import { checkPayloadTemplate } from './payload-template.js';
import { checkExclusive, checkResource } from './state-checks.js';

/** What kind of sub-machine: a Parallel branch or a Map item processor. */
export type SubMachineKind = 'branch' | 'processor';

/** Validates a sub-machine found at `ctx.location`; supplied by the machine walker. */
export type SubMachineChecker = (
  ctx: CheckContext,
  value: unknown,
  owner: string,
  kind: SubMachineKind,
) => void;

/** Checks a Parallel state's Branches, each a sub-machine. */
export function checkParallelState(
  ctx: CheckContext,
  state: Record<string, unknown>,
  stateName: string,
  checkSubMachine: SubMachineChecker,
): void {
  if (!Object.hasOwn(state, 'Branches')) {
    report(ctx, 'MISSING_FIELD', 'a Parallel state needs Branches, a non-empty array of sub-machines.');
    return;
  }
  const branches = state.Branches;
  if (!Array.isArray(branches) || branches.length === 0) {
    report(
      at(ctx, 'Branches'),
      Array.isArray(branches) ? 'INVALID_VALUE' : 'WRONG_TYPE',
      `Branches must be a non-empty array of sub-machines, not ${describeType(branches)}.`,
    );
    return;
  }
  branches.forEach((branch, i) => {
    checkSubMachine(at(ctx, 'Branches', i), branch, `Branch ${i} of state ${quote(stateName)}`, 'branch');
  });
}

/** A count or limit: an integer from `min`, or a JSONata expression in JSONata states. */
function checkCount(ctx: CheckContext, field: string, value: unknown, min: number): void {
  if (ctx.queryLanguage === 'JSONata' && typeof literalOrExpression(ctx, field, value, 'number') !== 'number')
    return;
  expectInteger(ctx, field, value, min);
}

function checkPercentage(ctx: CheckContext, field: string, value: unknown): void {
  if (ctx.queryLanguage === 'JSONata' && typeof literalOrExpression(ctx, field, value, 'number') !== 'number')
    return;
  expectNumber(ctx, field, value, 0, 100);
}

/**
 * A literal-or-`...Path` pair of Map settings: at most one, each of its proper form. A `...Path`
 * in JSONata is reported here only inside configuration objects; on the state itself the field
 * table has already reported it.
 */
function checkSetting(
  ctx: CheckContext,
  holder: Record<string, unknown>,
  field: string,
  literal: (ctx: CheckContext, field: string, value: unknown) => void,
  onState = false,
): void {
  if (ctx.queryLanguage === 'JSONPath') checkExclusive(ctx, holder, [field, `${field}Path`]);
  if (Object.hasOwn(holder, field)) literal(ctx, field, holder[field]);
  const pathField = `${field}Path`;
  if (!Object.hasOwn(holder, pathField)) return;
  if (ctx.queryLanguage === 'JSONPath') {
    checkPathField(ctx, pathField, holder[pathField], 'reference', false);
  } else if (!onState) {
    report(
      at(ctx, pathField),
      'WRONG_QUERY_LANGUAGE',
      `${pathField} is a JSONPath field; use ${field} with "{% %}".`,
    );
  }
}

/** Checks the object-valued request of a reader or writer: Parameters (JSONPath) or Arguments (JSONata). */
function checkRequest(ctx: CheckContext, holder: Record<string, unknown>): void {
  if (Object.hasOwn(holder, 'Parameters')) {
    if (ctx.queryLanguage === 'JSONPath') checkPayloadTemplate(ctx, 'Parameters', holder.Parameters);
    else
      report(at(ctx, 'Parameters'), 'WRONG_QUERY_LANGUAGE', 'Parameters is a JSONPath field; use Arguments.');
  }
  if (Object.hasOwn(holder, 'Arguments')) {
    if (ctx.queryLanguage === 'JSONata') checkArguments(ctx, holder.Arguments);
    else
      report(at(ctx, 'Arguments'), 'WRONG_QUERY_LANGUAGE', 'Arguments is a JSONata field; use Parameters.');
  }
}

function checkKnownFields(
  ctx: CheckContext,
  what: string,
  value: Record<string, unknown>,
  known: string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) report(at(ctx, key), 'UNKNOWN_FIELD', `${what} has no field ${quote(key)}.`);
  }
}

function checkItemReader(ctx: CheckContext, reader: unknown): void {
  if (!isObject(reader)) {
    report(ctx, 'WRONG_TYPE', `ItemReader must be an object, not ${describeType(reader)}.`);
    return;
  }
  checkKnownFields(ctx, 'ItemReader', reader, ['Resource', 'ReaderConfig', 'Parameters', 'Arguments']);
  if (!Object.hasOwn(reader, 'Resource')) report(ctx, 'MISSING_FIELD', 'ItemReader needs Resource.');
  else checkResource(ctx, reader.Resource);
  checkRequest(ctx, reader);
  if (Object.hasOwn(reader, 'ReaderConfig')) {
    const config = reader.ReaderConfig;
    const here = at(ctx, 'ReaderConfig');
    if (!isObject(config)) {
      report(here, 'WRONG_TYPE', `ReaderConfig must be an object, not ${describeType(config)}.`);
      return;
    }
    checkSetting(here, config, 'MaxItems', (c, f, v) => checkCount(c, f, v, 1));
    if (Object.hasOwn(config, 'CSVHeaders')) {
      const headers = config.CSVHeaders;
      if (!Array.isArray(headers) || headers.some((h) => typeof h !== 'string')) {
        report(at(here, 'CSVHeaders'), 'WRONG_TYPE', 'CSVHeaders must be an array of strings.');
      }
    }
  }
}

function checkItemBatcher(ctx: CheckContext, batcher: unknown): void {
  if (!isObject(batcher)) {
    report(ctx, 'WRONG_TYPE', `ItemBatcher must be an object, not ${describeType(batcher)}.`);
    return;
  }
  const known = [
    'MaxItemsPerBatch',
    'MaxItemsPerBatchPath',
    'MaxInputBytesPerBatch',
    'MaxInputBytesPerBatchPath',
  ];
  checkKnownFields(ctx, 'ItemBatcher', batcher, [...known, 'BatchInput']);
  checkSetting(ctx, batcher, 'MaxItemsPerBatch', (c, f, v) => checkCount(c, f, v, 1));
  checkSetting(ctx, batcher, 'MaxInputBytesPerBatch', (c, f, v) => checkCount(c, f, v, 1));
  if (Object.hasOwn(batcher, 'BatchInput')) {
    if (ctx.queryLanguage === 'JSONPath') checkPayloadTemplate(ctx, 'BatchInput', batcher.BatchInput);
    else checkJsonataValue(at(ctx, 'BatchInput'), 'BatchInput', batcher.BatchInput);
  }
}

function checkResultWriter(ctx: CheckContext, writer: unknown): void {
  if (!isObject(writer)) {
    report(ctx, 'WRONG_TYPE', `ResultWriter must be an object, not ${describeType(writer)}.`);
    return;
  }
  checkKnownFields(ctx, 'ResultWriter', writer, ['Resource', 'Parameters', 'Arguments', 'WriterConfig']);
  if (Object.hasOwn(writer, 'Resource')) checkResource(ctx, writer.Resource);
  checkRequest(ctx, writer);
  if (Object.hasOwn(writer, 'WriterConfig') && !isObject(writer.WriterConfig)) {
    report(
      at(ctx, 'WriterConfig'),
      'WRONG_TYPE',
      `WriterConfig must be an object, not ${describeType(writer.WriterConfig)}.`,
    );
  }
}

/** Checks a Map state: its item processor, item source, selector, limits and distributed configuration. */
export function checkMapState(
  ctx: CheckContext,
  state: Record<string, unknown>,
  stateName: string,
  checkSubMachine: SubMachineChecker,
): void {
  const processors = checkExclusive(ctx, state, ['ItemProcessor', 'Iterator']);
  if (processors === 0)
    report(ctx, 'MISSING_FIELD', 'a Map state needs ItemProcessor, the machine run per item.');
  for (const field of ['ItemProcessor', 'Iterator']) {
    if (Object.hasOwn(state, field)) {
      const owner = `The ${field} of state ${quote(stateName)}`;
      checkSubMachine(at(ctx, field), state[field], owner, 'processor');
    }
  }
  const jsonPath = ctx.queryLanguage === 'JSONPath';
  if (jsonPath) {
    checkExclusive(ctx, state, ['ItemSelector', 'Parameters']);
    if (Object.hasOwn(state, 'ItemsPath'))
      checkPathField(ctx, 'ItemsPath', state.ItemsPath, 'reference', false);
    if (Object.hasOwn(state, 'ItemSelector')) checkPayloadTemplate(ctx, 'ItemSelector', state.ItemSelector);
  } else {
    if (Object.hasOwn(state, 'Items') && !Array.isArray(state.Items) && !isJsonataExpression(state.Items)) {
      report(
        at(ctx, 'Items'),
        'WRONG_TYPE',
        `Items must be an array or a JSONata expression "{% ... %}", not ${describeType(state.Items)}.`,
      );
    } else if (Object.hasOwn(state, 'Items')) {
      checkJsonataValue(at(ctx, 'Items'), 'Items', state.Items);
    }
    if (Object.hasOwn(state, 'ItemSelector')) {
      const selector = state.ItemSelector;
      if (!isObject(selector) && !isJsonataExpression(selector)) {
        report(
          at(ctx, 'ItemSelector'),
          'WRONG_TYPE',
          `ItemSelector must be an object or a JSONata expression, not ${describeType(selector)}.`,
        );
      } else checkJsonataValue(at(ctx, 'ItemSelector'), 'ItemSelector', selector);
    }
  }
  checkSetting(ctx, state, 'MaxConcurrency', (c, f, v) => checkCount(c, f, v, 0), true);
  checkSetting(ctx, state, 'ToleratedFailureCount', (c, f, v) => checkCount(c, f, v, 0), true);
  checkSetting(ctx, state, 'ToleratedFailurePercentage', checkPercentage, true);
  if (Object.hasOwn(state, 'Label')) checkLabel(ctx, state.Label);
  if (Object.hasOwn(state, 'ItemReader')) checkItemReader(at(ctx, 'ItemReader'), state.ItemReader);
  if (Object.hasOwn(state, 'ItemBatcher')) checkItemBatcher(at(ctx, 'ItemBatcher'), state.ItemBatcher);
  if (Object.hasOwn(state, 'ResultWriter')) checkResultWriter(at(ctx, 'ResultWriter'), state.ResultWriter);
}

/** The longest Map Label AWS accepts: it prefixes child execution names. */
const MAX_LABEL_LENGTH = 40;

function checkLabel(ctx: CheckContext, label: unknown): void {
  const here = at(ctx, 'Label');
  if (typeof label !== 'string') {
    report(here, 'WRONG_TYPE', `Label must be a string, not ${describeType(label)}.`);
  } else if ([...label].length > MAX_LABEL_LENGTH) {
    report(
      here,
      'INVALID_VALUE',
      `Label must be at most ${MAX_LABEL_LENGTH} characters, not ${[...label].length}.`,
    );
  } else {
    // A Label becomes part of child execution names, so the execution name rules apply to it.
    const problem = resourceNameProblem(label);
    if (problem) report(here, 'INVALID_VALUE', `Label ${JSON.stringify(label)} is not allowed: ${problem}.`);
  }
}

/** Checks a ProcessorConfig object inside an item processor. */
export function checkProcessorConfig(ctx: CheckContext, config: unknown): void {
  const here = at(ctx, 'ProcessorConfig');
  if (!isObject(config)) {
    report(here, 'WRONG_TYPE', `ProcessorConfig must be an object, not ${describeType(config)}.`);
    return;
  }
  checkKnownFields(here, 'ProcessorConfig', config, ['Mode', 'ExecutionType']);
  if (Object.hasOwn(config, 'Mode')) expectEnum(here, 'Mode', config.Mode, ['INLINE', 'DISTRIBUTED']);
  if (Object.hasOwn(config, 'ExecutionType')) {
    expectEnum(here, 'ExecutionType', config.ExecutionType, ['STANDARD', 'EXPRESS']);
  }
}
