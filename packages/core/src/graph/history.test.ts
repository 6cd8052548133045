// Proves analyzeHistory reads an execution history as AWS writes it: outcomes per state (retried,
// caught, failed, running), visits counted through loops and Map iterations, branches and
// iterations told apart by their event chains, events in any order, and every problem of a
// malformed history listed. Histories are hand-written in AWS's shape
// (histories.test-support.ts).
import { describe, expect, test } from 'vitest';
import { buildGraph } from './build-graph.js';
import {
  errorHandlingHistory,
  HistoryBuilder,
  loopingHistory,
  parallelInMapHistory,
} from './histories.test-support.js';
import { readHistory } from './history.js';
import type { HistoryEventLike } from './history-events.js';
import { analyzeHistory, GraphInputError } from './index.js';
import { parallelInMap, seedExamples } from './machines.test-support.js';

const outcomes = (states: ReadonlyMap<string, { outcome: string }>) =>
  Object.fromEntries([...states].map(([name, run]) => [name, run.outcome]));

describe('analyzeHistory', () => {
  test('error handling: the task was retried once, then its Catch took MyError to the Fail state', () => {
    const result = analyzeHistory(seedExamples.errorHandling, errorHandlingHistory);
    expect(result.status).toBe('failed');
    expect(result.states.get('raise')).toEqual({
      outcome: 'caught',
      visits: 1,
      counts: { succeeded: 0, retried: 0, caught: 1, failed: 0, running: 0, notReached: 0 },
      retries: 1,
      errors: ['States.Timeout', 'MyError'],
    });
    expect(result.states.get('fail')).toMatchObject({ outcome: 'failed', visits: 1 });
    expect(result.unknownStates).toEqual([]);
  });

  test('a failure that a retry recovers from reads as retried', () => {
    const h = new HistoryBuilder();
    const t = h.thread();
    h.emit(t, 'ExecutionStarted');
    h.enter(t, 'Task', 'raise');
    h.emit(t, 'ActivityScheduled');
    h.emit(t, 'ActivityTimedOut', { activityTimedOutEventDetails: { error: 'States.Timeout' } });
    h.emit(t, 'ActivityScheduled');
    h.emit(t, 'ActivityStarted');
    h.emit(t, 'ActivitySucceeded');
    h.exit(t, 'Task', 'raise');
    h.emit(t, 'ExecutionSucceeded');
    const result = analyzeHistory(seedExamples.errorHandling, h.events);
    expect(result.status).toBe('succeeded');
    expect(result.states.get('raise')).toMatchObject({
      outcome: 'retried',
      retries: 1,
      errors: ['States.Timeout'],
    });
    expect(result.states.get('fail')?.outcome).toBe('notReached');
  });

  test('an uncaught failure fails the state; an unfinished one is running', () => {
    const failing = new HistoryBuilder();
    const t = failing.thread();
    failing.emit(t, 'ExecutionStarted');
    failing.enter(t, 'Task', 'print');
    failing.emit(t, 'ActivityScheduled');
    failing.emit(t, 'ActivityFailed', { activityFailedEventDetails: { error: 'Boom' } });
    expect(analyzeHistory(seedExamples.cli, failing.events).states.get('print')?.outcome).toBe('running');
    failing.emit(t, 'ExecutionFailed', { executionFailedEventDetails: { error: 'Boom' } });
    const done = analyzeHistory(seedExamples.cli, failing.events);
    expect(done.status).toBe('failed');
    expect(done.states.get('print')).toMatchObject({ outcome: 'failed', errors: ['Boom'] });

    const running = new HistoryBuilder();
    const r = running.thread();
    running.emit(r, 'ExecutionStarted');
    running.enter(r, 'Task', 'print');
    running.emit(r, 'ActivityScheduled');
    const result = analyzeHistory(seedExamples.cli, running.events);
    expect(result.status).toBe('running');
    expect(result.states.get('print')?.outcome).toBe('running');
  });

  test('loops count every visit', () => {
    const result = analyzeHistory(seedExamples.looping, loopingHistory());
    expect(result.status).toBe('succeeded');
    expect(result.states.get('increment')).toMatchObject({ outcome: 'succeeded', visits: 4 });
    expect(result.states.get('checkCounter')).toMatchObject({ outcome: 'succeeded', visits: 4 });
    expect(outcomes(result.states)).toEqual({
      initialise: 'succeeded',
      increment: 'succeeded',
      checkCounter: 'succeeded',
      end: 'succeeded',
    });
  });

  test('interleaved Map iterations and Parallel branches are told apart by their event chains', () => {
    const result = analyzeHistory(parallelInMap, parallelInMapHistory());
    expect(result.status).toBe('failed');
    expect(outcomes(result.states)).toEqual({
      prepare: 'succeeded',
      eachOrder: 'caught',
      checkAndPrice: 'failed',
      check: 'succeeded',
      inStock: 'succeeded',
      reserve: 'failed',
      backorder: 'succeeded',
      price: 'failed',
      store: 'succeeded',
      summarize: 'notReached',
      reportFailure: 'failed',
    });
    const counts = (name: string) => {
      const c = result.states.get(name)!.counts;
      return Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
    };
    expect(counts('check')).toEqual({ succeeded: 3 });
    // The three `price` visits overlap; only the event chains say which one failed.
    expect(counts('price')).toEqual({ succeeded: 2, failed: 1 });
    expect(result.states.get('price')!.errors).toEqual(['PriceUnavailable']);
    // Order 2's `reserve` was aborted when its sibling branch failed.
    expect(counts('reserve')).toEqual({ succeeded: 1, failed: 1 });
    expect(counts('checkAndPrice')).toEqual({ succeeded: 2, failed: 1 });
    expect(counts('store')).toEqual({ succeeded: 2 });
  });

  test('chains that tie the end of a branch to another thread are overruled by the structure', () => {
    // Some recorders link a Parallel's or Map's closing events to whatever event came before.
    const containerEvents = new Set([
      'ParallelStateSucceeded',
      'ParallelStateFailed',
      'ParallelStateExited',
      'MapStateFailed',
      'MapStateExited',
    ]);
    const relinked = parallelInMapHistory().map((e) =>
      containerEvents.has(e.type ?? '') ? { ...e, previousEventId: (e.id as number) - 1 } : e,
    );
    expect(
      relinked.filter((e, i) => e.previousEventId !== parallelInMapHistory()[i]!.previousEventId).length,
    ).toBeGreaterThan(3);
    expect(analyzeHistory(parallelInMap, relinked).states).toEqual(
      analyzeHistory(parallelInMap, parallelInMapHistory()).states,
    );
  });

  test('events in reverse order (reverseOrder: true) read the same', () => {
    const forward = analyzeHistory(parallelInMap, parallelInMapHistory());
    const backward = analyzeHistory(parallelInMap, [...parallelInMapHistory()].reverse());
    expect(backward).toEqual(forward);
  });

  test('a sequential history without previousEventId still reads right', () => {
    const stripped = errorHandlingHistory.map(({ previousEventId: _, ...rest }) => rest);
    const result = analyzeHistory(seedExamples.errorHandling, stripped);
    expect(outcomes(result.states)).toEqual({ raise: 'caught', fail: 'failed' });
    expect(result.states.get('raise')?.retries).toBe(1);
  });

  test('names the machine does not have are reported', () => {
    const events: HistoryEventLike[] = [
      { id: 1, type: 'ExecutionStarted', previousEventId: 0 },
      { id: 2, type: 'TaskStateEntered', previousEventId: 1, stateEnteredEventDetails: { name: 'renamed' } },
    ];
    expect(analyzeHistory(seedExamples.cli, events).unknownStates).toEqual(['renamed']);
  });

  test('Lambda and service-integration failures count like activity failures', () => {
    const h = new HistoryBuilder();
    const t = h.thread();
    h.emit(t, 'ExecutionStarted');
    h.enter(t, 'Task', 'print');
    h.emit(t, 'TaskScheduled');
    h.emit(t, 'TaskFailed', { taskFailedEventDetails: { error: 'Lambda.ServiceException' } });
    h.emit(t, 'TaskScheduled');
    h.emit(t, 'TaskStarted');
    h.emit(t, 'TaskSucceeded');
    h.exit(t, 'Task', 'print');
    h.emit(t, 'ExecutionSucceeded');
    expect(analyzeHistory(seedExamples.cli, h.events).states.get('print')).toMatchObject({
      outcome: 'retried',
      retries: 1,
      errors: ['Lambda.ServiceException'],
    });
  });

  test('an evaluation failure names its state', () => {
    const h = new HistoryBuilder();
    const t = h.thread();
    h.emit(t, 'ExecutionStarted');
    h.enter(t, 'Pass', 'initialise');
    h.emit(t, 'EvaluationFailed', {
      evaluationFailedEventDetails: { state: 'initialise', error: 'States.Runtime' },
    });
    h.emit(t, 'ExecutionFailed');
    expect(analyzeHistory(seedExamples.looping, h.events).states.get('initialise')).toMatchObject({
      outcome: 'failed',
      errors: ['States.Runtime'],
    });
  });

  test('the edges taken are recorded, with the Catch edge for a caught failure', () => {
    const graph = buildGraph(seedExamples.errorHandling);
    const reading = readHistory(graph, errorHandlingHistory);
    const taken = graph.edges.filter((e) => reading.takenEdges.has(e.id)).map((e) => e.kind);
    expect(taken).toEqual(['start', 'catch', 'end']);
    const endOfRaise = graph.edges.find(
      (e) => e.kind === 'end' && e.from === graph.byName.get('raise')![0]!.id,
    )!;
    expect(reading.takenEdges.has(endOfRaise.id)).toBe(false);
  });

  test('a malformed history is refused with every problem listed', () => {
    const bad = [
      { id: 1, type: 'ExecutionStarted' },
      null,
      { id: 3 },
      { id: 'four', type: 'PassStateEntered' },
    ];
    let error: unknown;
    try {
      analyzeHistory(seedExamples.cli, bad as unknown as HistoryEventLike[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphInputError);
    expect((error as GraphInputError).problems.map((p) => p.path)).toEqual([
      'history[1]',
      'history[2].type',
      'history[3].id',
    ]);
    expect((error as Error).message).toMatch(/^cannot draw this execution history \(3 problems\)/);
  });

  test('a history longer than AWS allows is refused', () => {
    const events = Array.from({ length: 25_001 }, (_, i) => ({ id: i + 1, type: 'PassStateEntered' }));
    expect(() => analyzeHistory(seedExamples.cli, events)).toThrow(
      /has 25001 events; AWS keeps at most 25000/,
    );
  });

  test('a cycle in previousEventId cannot hang the reader', () => {
    const events: HistoryEventLike[] = [
      { id: 1, type: 'TaskStateEntered', previousEventId: 2, stateEnteredEventDetails: { name: 'print' } },
      { id: 2, type: 'ActivityFailed', previousEventId: 2 },
      { id: 3, type: 'TaskStateExited', previousEventId: 3, stateExitedEventDetails: { name: 'print' } },
    ];
    expect(analyzeHistory(seedExamples.cli, events).states.get('print')?.outcome).toBe('caught');
  });
});
