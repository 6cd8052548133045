// Every compiled state, whatever its type, is rebuilt as one object shape with every field of
// every state type, in one order. The interpreter reads these fields on every transition from
// sites shared by all states (the loop, the entered and exited events, Retry and Catch); states
// built by spreading their parts get a hidden class each, which makes those reads megamorphic
// and sends them through V8's slow lookup once a machine has more than a few states.
import type { CompiledState } from './model.js';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** The same state, in the one shape all compiled states share. */
export function uniformState(state: CompiledState): CompiledState {
  const s = state as unknown as Record<KeysOfUnion<CompiledState>, never>;
  const record: Record<KeysOfUnion<CompiledState>, unknown> = {
    name: s.name,
    type: s.type,
    queryLanguage: s.queryLanguage,
    next: s.next,
    nextState: undefined,
    end: s.end,
    inputPath: s.inputPath,
    outputPath: s.outputPath,
    assign: s.assign,
    output: s.output,
    raw: s.raw,
    result: s.result,
    hasResult: s.hasResult ?? false,
    resultBytes: s.resultBytes ?? 0,
    parameters: s.parameters,
    arguments: s.arguments,
    resultSelector: s.resultSelector,
    resultPath: s.resultPath,
    retriers: s.retriers,
    catchers: s.catchers,
    error: s.error,
    cause: s.cause,
    choices: s.choices,
    default: s.default,
    seconds: s.seconds,
    timestamp: s.timestamp,
    resource: s.resource,
    timeoutSeconds: s.timeoutSeconds,
    heartbeatSeconds: s.heartbeatSeconds,
    credentials: s.credentials,
    branches: s.branches,
    processor: s.processor,
    distributed: s.distributed ?? false,
    itemsPath: s.itemsPath,
    items: s.items,
    itemSelector: s.itemSelector,
    itemSelectorJsonata: s.itemSelectorJsonata,
    maxConcurrency: s.maxConcurrency,
    toleratedFailureCount: s.toleratedFailureCount,
    toleratedFailurePercentage: s.toleratedFailurePercentage,
    itemBatcher: s.itemBatcher,
    itemReader: s.itemReader,
    label: s.label,
  };
  return record as unknown as CompiledState;
}
