// Recorded events are class instances, not object literals. V8 watches where literals are
// allocated, and once a long execution (a Map over thousands of items) has kept a literal's
// objects alive, it allocates that literal straight into the old generation from then on: the
// short executions that follow then keep their young data alive through dead old events until a
// full collection, and every later execution runs several times slower. Instances of a class are
// never pretenured that way. A class per frequent details field keeps those events in one shape
// (adding the field afterwards would walk every event through a shape transition).
import type { HistoryEvent } from '../types.js';

class BareEvent {
  constructor(
    readonly timestamp: Date,
    readonly type: string,
    readonly id: number,
    readonly previousEventId: number,
  ) {}
}

class StateEnteredEvent {
  constructor(
    readonly timestamp: Date,
    readonly type: string,
    readonly id: number,
    readonly previousEventId: number,
    readonly stateEnteredEventDetails: object,
  ) {}
}

class StateExitedEvent {
  constructor(
    readonly timestamp: Date,
    readonly type: string,
    readonly id: number,
    readonly previousEventId: number,
    readonly stateExitedEventDetails: object,
  ) {}
}

class MapIterationStartedEvent {
  constructor(
    readonly timestamp: Date,
    readonly type: string,
    readonly id: number,
    readonly previousEventId: number,
    readonly mapIterationStartedEventDetails: object,
  ) {}
}

class MapIterationSucceededEvent {
  constructor(
    readonly timestamp: Date,
    readonly type: string,
    readonly id: number,
    readonly previousEventId: number,
    readonly mapIterationSucceededEventDetails: object,
  ) {}
}

/** Builds one event in the shape of `GetExecutionHistory`, its details under `detailsKey`. */
export function makeEvent(
  timestamp: Date,
  type: string,
  id: number,
  previousEventId: number,
  detailsKey: string | undefined,
  details: object | undefined,
): HistoryEvent {
  switch (detailsKey) {
    case undefined:
      return new BareEvent(timestamp, type, id, previousEventId);
    case 'stateEnteredEventDetails':
      return new StateEnteredEvent(timestamp, type, id, previousEventId, details!) as HistoryEvent;
    case 'stateExitedEventDetails':
      return new StateExitedEvent(timestamp, type, id, previousEventId, details!) as HistoryEvent;
    case 'mapIterationStartedEventDetails':
      return new MapIterationStartedEvent(timestamp, type, id, previousEventId, details!) as HistoryEvent;
    case 'mapIterationSucceededEventDetails':
      return new MapIterationSucceededEvent(timestamp, type, id, previousEventId, details!) as HistoryEvent;
    default: {
      const event = new BareEvent(timestamp, type, id, previousEventId);
      (event as unknown as Record<string, unknown>)[detailsKey] = details;
      return event as HistoryEvent;
    }
  }
}

/** A Map iteration's name and index, as its iteration events carry them. */
export class IterationDetails {
  constructor(
    readonly name: string,
    readonly index: number,
  ) {}
}
