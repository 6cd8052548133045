// Execution histories are the one record of what a machine did, in the same HistoryEvent shape
// on AWS, on the local endpoint and in the local engine. Reading them is paginated (1000 events
// a page, up to 25,000 events), so iteration is lazy; formatting picks the fields a person looks
// for (state name, error, cause, input, output, assigned variables) from whichever
// `*EventDetails` the event carries, so it needs no table of event types and reads event types
// added later too. The formatter takes any structurally compatible event, since the SDK types
// `type` as a union while the engine types it as a string; it reads details by property access,
// because the engine's payload fields are getters that spreading or `Object.entries` would miss.
import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';

/** Options of {@link readHistory}. */
export interface ReadHistoryOptions {
  /** Newest first. */
  reverseOrder?: boolean;
  /** Events per API call, at most 1000. */
  pageSize?: number;
  /** Leave out input and output payloads (smaller pages). */
  includeExecutionData?: boolean;
  signal?: AbortSignal;
}

/**
 * Every event of an execution's history, page by page.
 * @param client the SDK client.
 * @param executionArn the execution to read.
 * @param options order, page size, payloads, and an abort signal.
 * @example
 * ```ts
 * for await (const event of readHistory(session.client, executionArn, { reverseOrder: true })) {
 *   if (event.type === 'ExecutionFailed') console.error(event.executionFailedEventDetails?.cause);
 * }
 * ```
 */
export async function* readHistory(
  client: SFNClient,
  executionArn: string,
  options: ReadHistoryOptions = {},
): AsyncGenerator<HistoryEvent, void, undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetExecutionHistoryCommand({
        executionArn,
        maxResults: options.pageSize ?? 1000,
        reverseOrder: options.reverseOrder ?? false,
        includeExecutionData: options.includeExecutionData ?? true,
        nextToken,
      }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    for (const event of page.events ?? []) yield event;
    nextToken = page.nextToken;
  } while (nextToken);
}

/**
 * One event of an execution history, as {@link formatHistory} reads it: the SDK's
 * `HistoryEvent` (from AWS or the local endpoint), the local engine's (from `runExecution`), or
 * the same data parsed back from JSON. Besides these fields, the event carries its details in
 * one `*EventDetails` object (`stateEnteredEventDetails`, `activityFailedEventDetails`, ...).
 */
export interface HistoryEventLike {
  /** When the event happened: a Date, or epoch seconds or ISO text when read back from JSON. */
  readonly timestamp?: Date | number | string | undefined;
  /** `ExecutionStarted`, `TaskStateEntered`, `ActivityFailed`, ... */
  readonly type?: string | undefined;
  /** Sequential from 1. */
  readonly id?: number | undefined;
  /** The event this one follows from. */
  readonly previousEventId?: number | undefined;
}

/** Options of {@link formatHistory}. */
export interface FormatHistoryOptions {
  /** Longest payload (input, output, cause) shown before it is cut with '…'. Default 200. */
  maxPayloadChars?: number;
}

/** Detail fields worth a reader's eye, in the order they are printed. */
const SHOWN_FIELDS = [
  'resource',
  'workerName',
  'error',
  'cause',
  'input',
  'output',
  'assignedVariables',
  'heartbeatInSeconds',
  'timeoutInSeconds',
  'index',
  'length',
] as const;

function detailsOf(event: HistoryEventLike): Record<string, unknown> | undefined {
  // Keys, not entries: the details object is then read by property access, so getters count.
  for (const key of Object.keys(event)) {
    if (!key.endsWith('EventDetails')) continue;
    const value: unknown = (event as Record<string, unknown>)[key];
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  }
  return undefined;
}

/** A detail's value as text: strings as they are, assigned variables as one JSON object. */
function textOf(field: string, value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (field === 'assignedVariables') {
    // Each variable's value is already JSON text, as AWS records it.
    const entries = Object.keys(value).map(
      (name) => `${JSON.stringify(name)}:${String((value as Record<string, unknown>)[name])}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function timeOf(event: HistoryEventLike): number | undefined {
  const t = event.timestamp;
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number') return t * 1000;
  if (typeof t === 'string') {
    const parsed = Date.parse(t);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * One event as a line: id, seconds since the first event, type, state name and key details.
 * @param event the event.
 * @param startMs epoch milliseconds the elapsed time counts from; none shown when undefined.
 * @param options how long a payload may be before it is cut.
 * @example
 * ```ts
 * const events = await execution.historyEvents();
 * const last = events.at(-1);
 * if (last) console.log(formatHistoryEvent(last));
 * ```
 */
export function formatHistoryEvent(
  event: HistoryEventLike,
  startMs?: number,
  options: FormatHistoryOptions = {},
): string {
  const max = options.maxPayloadChars ?? 200;
  const at = timeOf(event);
  const elapsed = at !== undefined && startMs !== undefined ? `+${((at - startMs) / 1000).toFixed(3)}s` : '';
  const details = detailsOf(event);
  const parts: string[] = [];
  if (details && typeof details.name === 'string') parts.push(details.name);
  for (const field of SHOWN_FIELDS) {
    const value = details?.[field];
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${field}=${clip(textOf(field, value), max)}`);
  }
  const id = String(event.id ?? '?').padStart(4);
  return `${id} ${elapsed.padStart(10)}  ${String(event.type ?? 'Unknown').padEnd(24)} ${parts.join('  ')}`.trimEnd();
}

/**
 * A history as readable text, one line per event, times relative to the first event.
 * Works on histories from AWS, from the local endpoint and from `runExecution` alike.
 * @param events the events in order, e.g. `await execution.historyEvents()` or `result.history`.
 * @param options how long a payload may be before it is cut.
 * @example
 * console.log(formatHistory(await execution.historyEvents()));
 */
export function formatHistory(
  events: readonly HistoryEventLike[],
  options: FormatHistoryOptions = {},
): string {
  const first = events.find((event) => timeOf(event) !== undefined);
  const startMs = first ? timeOf(first) : undefined;
  return events.map((event) => formatHistoryEvent(event, startMs, options)).join('\n');
}
