// Turns the node graph into ASL JSON. Node references become state names here, activities
// become ARNs (decided by the emit options, so one machine can target AWS or the local
// endpoint), and fields keep a stable, readable order: Type first, transitions last.
import type { AnyActivity } from '../activity.js';
import { activityArn } from '../arn.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { EmitOptions } from '../machine-like.js';
import type { Scope, StateNode } from './graph.js';

/** Orders the fields of an emitted state; fields not listed keep their insertion order after these. */
const FIELD_ORDER = [
  'Type',
  'Comment',
  'QueryLanguage',
  'Resource',
  'Credentials',
  'InputPath',
  'Parameters',
  'Arguments',
  'Items',
  'ItemsPath',
  'ItemSelector',
  'ItemReader',
  'ItemBatcher',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
  'ResultWriter',
  'Result',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'Branches',
  'ItemProcessor',
  'Choices',
  'Default',
  'Retry',
  'Catch',
  'Next',
  'End',
];

function ordered(fields: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !(key in out)) out[key] = value;
  }
  return out;
}

/** The ARN a Task emits for `activity` under `options`. */
export function resourceArnOf(activity: AnyActivity, options: EmitOptions): string {
  return options.activityArn?.(activity) ?? activityArn(activity.name, options);
}

function emitState(node: StateNode, options: EmitOptions): JsonObject {
  const fields: Record<string, JsonValue | undefined> = { Type: node.type, ...node.fields };
  if (node.target) {
    fields.Resource =
      node.target.kind === 'activity' ? resourceArnOf(node.target.activity, options) : node.target.arn;
  }
  if (node.branches.length > 0) fields.Branches = node.branches.map((branch) => emitScope(branch, options));
  if (node.processor) {
    const processor = emitScope(node.processor, options);
    const config = node.fields.ProcessorConfig;
    fields.ProcessorConfig = undefined;
    fields.ItemProcessor = config === undefined ? processor : { ProcessorConfig: config, ...processor };
  }
  if (node.type === 'Choice') {
    fields.Choices = node.choices.map((branch) => ({
      ...branch.condition.rule,
      ...branch.fields,
      Next: branch.next.name,
    }));
    if (node.defaultNext) fields.Default = node.defaultNext.name;
  }
  if (node.retriers.length > 0) fields.Retry = node.retriers.map((r) => ({ ...r }) as JsonObject);
  if (node.catchers.length > 0) {
    fields.Catch = node.catchers.map((c) => ({
      ErrorEquals: [...c.errorEquals],
      ...c.fields,
      Next: c.next.name,
    }));
  }
  if (node.continues) {
    if (node.next) fields.Next = node.next.name;
    else fields.End = true;
  }
  return ordered(fields);
}

/** `{ StartAt, States }` for a scope (plus whatever `extra` adds first, e.g. Comment). */
export function emitScope(scope: Scope, options: EmitOptions, extra: JsonObject = {}): JsonObject {
  const states: JsonObject = {};
  for (const [name, node] of scope.states) states[name] = emitState(node, options);
  return { ...extra, StartAt: scope.start?.name ?? '', States: states };
}
