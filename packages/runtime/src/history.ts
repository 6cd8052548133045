// Execution histories are the one record of what a machine did, in the same HistoryEvent shape
// on AWS and on the local endpoint. Reading them is paginated (1000 events a page, up to
// 25,000 events), so iteration is lazy; formatting picks the fields a person looks for (state
// name, error, cause, input, output) from whichever `*EventDetails` the event carries, so it
// needs no table of event types and reads event types added later too.
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
  'heartbeatInSeconds',
  'timeoutInSeconds',
  'index',
  'length',
] as const;

function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') {
      return value as Record<string, unknown>;
    }
  }
  return undefined;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function timeOf(event: HistoryEvent): number | undefined {
  const t = event.timestamp;
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number') return t * 1000;
  return undefined;
}

/** One event as a line: id, seconds since the first event, type, state name and key details. */
export function formatHistoryEvent(
  event: HistoryEvent,
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
    parts.push(`${field}=${clip(String(value), max)}`);
  }
  const id = String(event.id ?? '?').padStart(4);
  return `${id} ${elapsed.padStart(10)}  ${String(event.type ?? 'Unknown').padEnd(24)} ${parts.join('  ')}`.trimEnd();
}

/**
 * A history as readable text, one line per event, times relative to the first event.
 * Works on histories from AWS and from the local endpoint alike.
 * @example
 * console.log(formatHistory(await execution.historyEvents()));
 */
export function formatHistory(events: readonly HistoryEvent[], options: FormatHistoryOptions = {}): string {
  const first = events.find((event) => timeOf(event) !== undefined);
  const startMs = first ? timeOf(first) : undefined;
  return events.map((event) => formatHistoryEvent(event, startMs, options)).join('\n');
}
