// What a picture says about a state, shared by the graph reader and both renderers: the short
// facts under a state's name, and how a Task's resource, a duration, a Retry rule or an
// over-long label is shortened. Kept apart so the Mermaid and SVG outputs say exactly the same
// thing about a state.
import type { AslStateType } from '../asl/types.js';

/**
 * A Task resource as a person would name it: `activity myPackage-resize`, `lambda:invoke`,
 * `lambda myFunction`; anything else is returned unchanged.
 */
export function summarizeResource(resource: string): string {
  const parts = resource.split(':');
  if (parts[0] === 'arn' && parts.length >= 6) {
    const service = parts[2];
    const rest = parts.slice(5);
    if (service === 'states' && rest[0] === 'activity' && rest[1])
      return `activity ${rest.slice(1).join(':')}`;
    if (service === 'states' && parts[3] === '' && parts[4] === '') return rest.join(':');
    if (service === 'lambda' && rest[0] === 'function' && rest[1]) return `lambda ${rest[1]}`;
    return `${service} ${rest.join(':')}`;
  }
  return resource;
}

/** `90` reads as `90 s`, `3600` as `1 h`, `5400` as `1 h 30 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 120) return `${seconds} s`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (rest) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** One line describing a Retry rule: `retry States.Timeout · max 3 · interval 3 s`. */
export function describeRetry(rule: {
  readonly errors: readonly string[];
  readonly maxAttempts: number;
  readonly intervalSeconds: number;
}): string {
  return `retry ${rule.errors.join(', ')} · max ${rule.maxAttempts} · interval ${formatSeconds(rule.intervalSeconds)}`;
}

/** The short facts a picture shows under a state's name. */
export function stateDetails(type: AslStateType, body: Readonly<Record<string, unknown>>): string[] {
  const details: string[] = [];
  const timeout =
    typeof body.TimeoutSeconds === 'number' ? `timeout ${formatSeconds(body.TimeoutSeconds)}` : undefined;
  switch (type) {
    case 'Task':
      if (typeof body.Resource === 'string') details.push(summarizeResource(body.Resource));
      if (timeout) details.push(timeout);
      break;
    case 'Wait':
      if (typeof body.Seconds === 'number') details.push(`wait ${formatSeconds(body.Seconds)}`);
      else if (typeof body.Seconds === 'string') details.push(`wait ${body.Seconds}`);
      else if (typeof body.Timestamp === 'string') details.push(`until ${body.Timestamp}`);
      else if (typeof body.SecondsPath === 'string') details.push(`seconds from ${body.SecondsPath}`);
      else if (typeof body.TimestampPath === 'string') details.push(`until ${body.TimestampPath}`);
      break;
    case 'Fail': {
      const error = typeof body.Error === 'string' ? body.Error : undefined;
      const cause = typeof body.Cause === 'string' ? body.Cause : undefined;
      if (error) details.push(error);
      if (cause) details.push(cause);
      break;
    }
    case 'Map': {
      const concurrency = body.MaxConcurrency;
      if (typeof concurrency === 'number' && concurrency > 0) details.push(`max concurrency ${concurrency}`);
      if (typeof body.ItemsPath === 'string' && body.ItemsPath !== '$')
        details.push(`items ${body.ItemsPath}`);
      break;
    }
    case 'Parallel':
      if (timeout) details.push(timeout);
      break;
    default:
      break;
  }
  return details;
}
