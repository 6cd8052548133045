// Proves Wait in its four JSONPath forms on the virtual clock: a fixed or input-read number of
// seconds, a fixed or input-read timestamp (one in the past waits not at all), and AWS's
// States.Runtime failure, naming the path, when what the path reads is not a timestamp.
import { describe, expect, it } from 'vitest';
import { runExecution } from '../execution.js';

const waitWith = (wait: Record<string, unknown>) => ({
  StartAt: 'Hold',
  States: { Hold: { Type: 'Wait', ...wait, End: true } },
});

const elapsed = (result: { startDate: Date; stopDate: Date }) =>
  result.stopDate.getTime() - result.startDate.getTime();

describe('Wait', () => {
  it('waits Seconds, or the seconds SecondsPath reads, passing its input on', async () => {
    const fixed = await runExecution(waitWith({ Seconds: 90 }), { keep: true });
    expect(fixed).toMatchObject({ status: 'SUCCEEDED', output: { keep: true } });
    expect(elapsed(fixed)).toBe(90_000);
    const read = await runExecution(waitWith({ SecondsPath: '$.delay' }), { delay: 45 });
    expect(elapsed(read)).toBe(45_000);
  });

  it('waits until a Timestamp, or the timestamp TimestampPath reads', async () => {
    const until = new Date(Date.now() + 3 * 3_600_000);
    until.setUTCMilliseconds(0);
    for (const wait of [{ Timestamp: until.toISOString() }, { TimestampPath: '$.until' }]) {
      const result = await runExecution(waitWith(wait), { until: until.toISOString() });
      expect(result.status).toBe('SUCCEEDED');
      expect(result.stopDate.getTime()).toBeGreaterThanOrEqual(until.getTime());
      expect(result.stopDate.getTime() - until.getTime()).toBeLessThan(1_000);
    }
  });

  it('does not wait for a timestamp already past', async () => {
    const result = await runExecution(waitWith({ TimestampPath: '$.until' }), {
      until: '2001-02-03T04:05:06Z',
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(elapsed(result)).toBeLessThan(1_000);
  });

  it('fails with States.Runtime naming the path when TimestampPath reads no timestamp', async () => {
    const result = await runExecution(waitWith({ TimestampPath: '$.until' }), { until: 'next tuesday' });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain('TimestampPath');
    expect(result.cause).toContain('$.until');
  });
});
