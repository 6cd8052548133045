// GetExecutionHistory over the engine's live history: the events are already in AWS's shape
// (ids from 1, previousEventId links, the SDK's detail field names), so this only pages them
// (by event id, either direction) and, when `includeExecutionData` is false, leaves out the
// execution data (inputs and outputs) as AWS does.
import type { HistoryEvent } from '../engine/types.js';
import { findExecution } from './executions.js';
import type { OperationHandler } from './http.js';
import { MAX_PAGE_SIZE, paginate } from './pagination.js';
import { RequestReader } from './request-reader.js';
import type { EndpointState } from './state.js';

const EXECUTION_DATA_FIELDS = new Set(['input', 'output', 'inputDetails', 'outputDetails']);

/** A copy of `event` without its inputs and outputs. */
export function withoutExecutionData(event: HistoryEvent): HistoryEvent {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && typeof value === 'object' && value !== null) {
      copy[key] = Object.fromEntries(
        Object.entries(value).filter(([field]) => !EXECUTION_DATA_FIELDS.has(field)),
      );
    } else {
      copy[key] = value;
    }
  }
  return copy as unknown as HistoryEvent;
}

/** GetExecutionHistory. */
export function historyOperations(state: EndpointState): Record<string, OperationHandler> {
  return {
    GetExecutionHistory(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('executionArn', { required: true, min: 1, max: 256 });
      const maxResults = reader.integer('maxResults', 0, MAX_PAGE_SIZE);
      const reverseOrder = reader.boolean('reverseOrder') ?? false;
      const nextToken = reader.string('nextToken', { min: 1, max: 1024 });
      const includeExecutionData = reader.boolean('includeExecutionData') ?? true;
      reader.done();
      const record = findExecution(state, arn);
      const events = reverseOrder ? [...record.handle.history].reverse() : record.handle.history;
      const query = `GetExecutionHistory|${arn}|${reverseOrder}`;
      const page = paginate(events, (e) => e.id, { maxResults, nextToken }, query, !reverseOrder);
      return {
        events: includeExecutionData ? page.items : page.items.map(withoutExecutionData),
        nextToken: page.nextToken,
      };
    },
  };
}
