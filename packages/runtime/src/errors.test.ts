// Proves which errors the runtime retries (throttling, 5xx, timeouts, network failures) and which
// it never does (modeled errors, aborts), and that payload sizes are counted in UTF-8 bytes
// against AWS's 256 KiB limit.
import { describe, expect, it } from 'vitest';
import { awsError } from '../test/fake-sfn.js';
import { assertPayloadSize, isTransientError, MAX_PAYLOAD_BYTES, PayloadTooLargeError } from './errors.js';

describe('isTransientError', () => {
  it('retries throttling, 5xx, timeouts and network failures', () => {
    expect(isTransientError(awsError('ThrottlingException', 400))).toBe(true);
    expect(isTransientError(awsError('InternalFailure', 500))).toBe(true);
    expect(isTransientError(awsError('ServiceUnavailable', 503))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('socket hang up'), { code: 'X' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('wrapped'), { cause: awsError('x', 502) }))).toBe(true);
  });

  it('does not retry modeled errors or aborts', () => {
    expect(isTransientError(awsError('TaskTimedOut', 400))).toBe(false);
    expect(isTransientError(awsError('InvalidArn', 400))).toBe(false);
    expect(isTransientError(Object.assign(new Error('a'), { name: 'AbortError' }))).toBe(false);
    expect(isTransientError(new Error('plain'))).toBe(false);
    expect(isTransientError('string')).toBe(false);
  });
});

describe('assertPayloadSize', () => {
  it('counts UTF-8 bytes against 256 KiB', () => {
    expect(() => assertPayloadSize('input', 'a'.repeat(MAX_PAYLOAD_BYTES))).not.toThrow();
    // 'é' is two bytes in UTF-8: half as many characters already exceed the limit.
    expect(() => assertPayloadSize('input', 'é'.repeat(MAX_PAYLOAD_BYTES / 2 + 1))).toThrow(
      PayloadTooLargeError,
    );
  });
});
