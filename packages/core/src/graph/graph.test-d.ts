// Type tests of the graph API: the SDK's own history events are accepted as they come, any
// machine, definition object or JSON text is a source, outcomes are a closed set; what the API
// refuses is marked with `@ts-expect-error`. Checked by vitest's typecheck.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expectTypeOf, test } from 'vitest';
import type { StateMachineLike } from '../machine-like.js';
import {
  analyzeHistory,
  type ExecutionOutcomes,
  type GraphSource,
  type HistoryEventLike,
  type StateOutcome,
  type StateRun,
  toMermaid,
  toSvg,
} from './index.js';

declare const sdkHistory: HistoryEvent[];
declare const machine: StateMachineLike<{ n: number }, string>;

describe('graph API types', () => {
  test('the SDK history is accepted as it comes', () => {
    expectTypeOf(sdkHistory).toExtend<readonly HistoryEventLike[]>();
    expectTypeOf(toSvg(machine, { history: sdkHistory })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(toMermaid(machine, { history: sdkHistory })).toEqualTypeOf<string>();
  });

  test('any machine, a definition object or JSON text is a source', () => {
    expectTypeOf(machine).toExtend<GraphSource>();
    expectTypeOf<Record<string, unknown>>().toExtend<GraphSource>();
    expectTypeOf<string>().toExtend<GraphSource>();
  });

  test('outcomes are a closed set, by state name', () => {
    expectTypeOf(analyzeHistory(machine, sdkHistory)).toEqualTypeOf<ExecutionOutcomes>();
    expectTypeOf<ExecutionOutcomes['states']>().toEqualTypeOf<ReadonlyMap<string, StateRun>>();
    expectTypeOf<StateRun['outcome']>().toEqualTypeOf<StateOutcome>();
    expectTypeOf<StateOutcome>().toEqualTypeOf<
      'succeeded' | 'retried' | 'caught' | 'failed' | 'running' | 'notReached'
    >();
  });

  test('what the API refuses', () => {
    // @ts-expect-error a number is not a machine
    toMermaid(42);
    // @ts-expect-error direction is TB or LR only
    toMermaid(machine, { direction: 'BT' });
    // @ts-expect-error a history is a list of events, not one event
    toSvg(machine, { history: sdkHistory[0] });
    // @ts-expect-error an event id is a number
    toSvg(machine, { history: [{ id: '1', type: 'ExecutionStarted' }] });
    // @ts-expect-error outcomes are only read, never written
    analyzeHistory(machine, sdkHistory).states.set('x', undefined);
  });
});
