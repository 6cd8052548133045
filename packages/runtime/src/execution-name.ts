// Execution names must be unique per machine for 90 days and at most 80 characters. A name
// that reads `machine_timestamp_random` sorts by time in the console and says what ran; when
// a long machine name would push past 80 characters, the machine part is shortened because
// the timestamp and the random suffix are what make the name unique.
import { randomBytes } from 'node:crypto';
import { MAX_RESOURCE_NAME_LENGTH } from '@sfini/core';

/** `2018-07-11T19-07-26`: ISO 8601 in UTC to the second, with ':' (not allowed) as '-'. */
function timestampPart(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/**
 * A fresh execution name such as `myStateMachine_2018-07-11T19-07-26_0354d790`, at most 80
 * characters: the machine part is truncated, never the timestamp or the 8 hex digits.
 * @param machineName the state machine's name.
 * @param now the time to stamp; defaults to the current time.
 * @example
 * ```ts
 * generateExecutionName('myStateMachine', new Date('2018-07-11T19:07:26Z'));
 * // 'myStateMachine_2018-07-11T19-07-26_0354d790' (the last 8 hex digits are random)
 * ```
 */
export function generateExecutionName(machineName: string, now: Date = new Date()): string {
  const suffix = `_${timestampPart(now)}_${randomBytes(4).toString('hex')}`;
  const room = MAX_RESOURCE_NAME_LENGTH - suffix.length;
  let machinePart = machineName.slice(0, room);
  // Never leave half of a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]$/.test(machinePart)) machinePart = machinePart.slice(0, -1);
  return machinePart + suffix;
}
