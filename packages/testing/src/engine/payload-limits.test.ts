// AWS's size quotas, enforced where AWS enforces them: each variable's value and each Assign's
// total (256 KiB), all variables an execution holds (10 MiB), the parameters a Task is given and
// the output of every state (256 KiB), each failing that state with States.DataLimitExceeded and
// the state's name in the cause, rather than passing the excess on to the end of the execution.
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { runExecution } from './execution.js';
import { PAYLOAD_LIMIT_BYTES, VARIABLES_TOTAL_LIMIT_BYTES } from './values/size.js';

const KIB = 1024;
/** A JSON string of exactly `bytes` bytes once serialised (quotes included). */
const stringOf = (bytes: number) => 'v'.repeat(bytes - 2);

function jsonata(states: Record<string, unknown>, startAt = Object.keys(states)[0]!) {
  return { QueryLanguage: 'JSONata', StartAt: startAt, States: states };
}

describe('variable size limits', () => {
  it('fails a JSONata loop that keeps doubling a variable once it passes 256 KiB', async () => {
    const definition = jsonata({
      Init: { Type: 'Pass', Assign: { s: 'x' }, Next: 'Grow' },
      Grow: { Type: 'Pass', Assign: { s: '{% $s & $s %}' }, Next: 'Check' },
      Check: {
        Type: 'Choice',
        Choices: [{ Condition: '{% $length($s) < 67108864 %}', Next: 'Grow' }],
        Default: 'Done',
      },
      Done: { Type: 'Succeed' },
    });
    const result = await runExecution(definition, {});
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toBe(
      "The state/task 'Grow' assigned the variable 's' a value with a size exceeding the maximum number of bytes service limit.",
    );
    // The last doubling that fitted left 2^18 characters (256 KiB + 2 quote bytes is over).
    const assigned = result.history.filter((e) => e.type === 'PassStateExited').length;
    expect(assigned).toBe(1 + 17);
  });

  it('accepts a variable of exactly 256 KiB and refuses one byte more', async () => {
    const assign = (bytes: number) =>
      runExecution(
        { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { 'v.$': '$.v' }, End: true } } },
        {
          v: stringOf(bytes),
        },
      );
    // The input itself must fit too: 256 KiB of value plus `{"v":}` is over, so keep it in a Result.
    const fromResult = (bytes: number) =>
      runExecution({
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Result: stringOf(bytes), Assign: { 'v.$': '$' }, ResultPath: null, End: true },
        },
      });
    expect((await fromResult(PAYLOAD_LIMIT_BYTES)).status).toBe('SUCCEEDED');
    const over = await fromResult(PAYLOAD_LIMIT_BYTES + 1);
    expect(over).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(over.cause).toContain("the variable 'v'");
    expect((await assign(100 * KIB)).status).toBe('SUCCEEDED');
  });

  it('limits the total of one Assign to 256 KiB even when each variable fits', async () => {
    const definition = jsonata({
      A: {
        Type: 'Pass',
        Assign: { x: `{% $pad('', ${150 * KIB}, 'x') %}`, y: `{% $pad('', ${150 * KIB}, 'y') %}` },
        End: true,
      },
    });
    const result = await runExecution(definition, {});
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toBe(
      "The state/task 'A' assigned variables with a total size exceeding the maximum number of bytes service limit.",
    );
    // The same two values assigned by two states fit.
    const split = await runExecution(
      jsonata({
        A: { Type: 'Pass', Assign: { x: `{% $pad('', ${150 * KIB}, 'x') %}` }, Next: 'B' },
        B: { Type: 'Pass', Assign: { y: `{% $pad('', ${150 * KIB}, 'y') %}` }, End: true },
      }),
      {},
    );
    expect(split.status).toBe('SUCCEEDED');
  });

  it('limits all the variables an execution holds to 10 MiB', async () => {
    // Each state assigns a new 200 KiB variable; 52 of them (10.2 MiB) cannot all be held.
    const count = Math.ceil(VARIABLES_TOTAL_LIMIT_BYTES / (200 * KIB)) + 1;
    const states: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      states[`S${i}`] = {
        Type: 'Pass',
        Assign: { [`v${i}`]: `{% $pad('', ${200 * KIB}, 'z') %}` },
        ...(i + 1 < count ? { Next: `S${i + 1}` } : { End: true }),
      };
    }
    const result = await runExecution(jsonata(states, 'S0'), {});
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toMatch(/^The state\/task 'S5\d' assigned variables that would bring the variables/);
    // Re-assigning one variable replaces its value: the total does not grow.
    const loop = jsonata({
      Init: { Type: 'Pass', Assign: { n: 0 }, Next: 'Fill' },
      Fill: {
        Type: 'Pass',
        Assign: { big: `{% $pad('', ${200 * KIB}, 'z') %}`, n: '{% $n + 1 %}' },
        Next: 'Check',
      },
      Check: { Type: 'Choice', Choices: [{ Condition: '{% $n < 60 %}', Next: 'Fill' }], Default: 'Done' },
      Done: { Type: 'Succeed', Output: '{% $n %}' },
    });
    expect(await runExecution(loop, {})).toMatchObject({ status: 'SUCCEEDED', output: 60 });
  });

  it('frees the variables of Map iterations once they end', async () => {
    const definition = jsonata({
      Each: {
        Type: 'Map',
        Items: '{% $range(1, 60) %}',
        MaxConcurrency: 1,
        ItemProcessor: {
          StartAt: 'Hold',
          States: {
            Hold: {
              Type: 'Pass',
              Assign: { held: `{% $pad('', ${200 * KIB}, 'h') %}` },
              Output: '{% $states.input %}',
              End: true,
            },
          },
        },
        Output: '{% $count($states.result) %}',
        End: true,
      },
    });
    expect(await runExecution(definition, {})).toMatchObject({ status: 'SUCCEEDED', output: 60 });
  });
});

describe('Task parameters', () => {
  it('fails a Task given more than 256 KiB of parameters before it is scheduled', async () => {
    let called = false;
    const definition = {
      StartAt: 'Send',
      States: {
        Send: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { 'a.$': '$.half', 'b.$': '$.half' },
          End: true,
        },
      },
    };
    const result = await runExecution(
      definition,
      { half: stringOf(140 * KIB) },
      {
        mocks: {
          Send: () => {
            called = true;
            return {};
          },
        },
      },
    );
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause:
        "The state/task 'Send' provided parameters with a size exceeding the maximum number of bytes service limit.",
    });
    expect(called).toBe(false);
    expect(result.history.some((e) => e.type === 'TaskScheduled')).toBe(false);
  });

  it('checks JSONata Arguments the same way', async () => {
    const definition = jsonata({
      Send: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Arguments: { a: '{% $states.input.half %}', b: '{% $states.input.half %}' },
        End: true,
      },
    });
    const result = await runExecution(
      definition,
      { half: stringOf(140 * KIB) },
      { mocks: { Send: () => ({}) } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toContain('provided parameters');
  });
});

describe('every state checks its own output', () => {
  const big = `{% $pad('', ${400 * KIB}, 'o') %}`;
  const cases: [string, Record<string, unknown>][] = [
    [
      'Choice',
      jsonata({
        C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'D', Output: big }] },
        D: { Type: 'Pass', Output: '{% 1 %}', End: true },
      }),
    ],
    [
      'Choice (Default)',
      jsonata({
        C: { Type: 'Choice', Choices: [{ Condition: '{% false %}', Next: 'D' }], Default: 'D', Output: big },
        D: { Type: 'Pass', Output: '{% 1 %}', End: true },
      }),
    ],
    [
      'Wait',
      jsonata({
        C: { Type: 'Wait', Seconds: 1, Output: big, Next: 'D' },
        D: { Type: 'Pass', Output: '{% 1 %}', End: true },
      }),
    ],
    ['Succeed', jsonata({ C: { Type: 'Succeed', Output: big } })],
  ];
  it.each(cases)(
    '%s: a 400 KiB Output fails that state, not the execution at its end',
    async (_, definition) => {
      const result = await runExecution(definition, {});
      expect(result).toMatchObject({
        status: 'FAILED',
        error: 'States.DataLimitExceeded',
        cause:
          "The state/task 'C' returned a result with a size exceeding the maximum number of bytes service limit.",
      });
      expect(result.history.some((e) => e.type.endsWith('StateExited'))).toBe(false);
    },
  );

  it('checks a JSONPath Choice whose OutputPath selects more than its input holds', async () => {
    // `$..*` lists every node: nested data selected this way outgrows the input.
    let nested: JsonValue = stringOf(70 * KIB);
    for (let i = 0; i < 4; i++) nested = { n: nested };
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.n', IsPresent: true, Next: 'D' }], OutputPath: '$..*' },
        D: { Type: 'Succeed' },
      },
    };
    const result = await runExecution(definition, nested);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toContain("'C'");
  });

  it('checks what a catcher outputs', async () => {
    const definition = jsonata({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Catch: [{ ErrorEquals: ['States.ALL'], Output: big, Next: 'D' }],
        End: true,
      },
      D: { Type: 'Pass', Output: '{% 1 %}', End: true },
    });
    const result = await runExecution(definition, {}, { mocks: { T: { throw: { error: 'Boom' } } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toContain("'T'");
  });
});
