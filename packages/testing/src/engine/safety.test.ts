// Untrusted definitions and inputs: filters never run as JavaScript, nothing reaches
// Object.prototype, AWS's limits hold, deep data neither hangs nor crashes, and every execution
// settles.
import { InvalidDefinitionError, type JsonValue } from '@sfini/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runExecution, startExecution } from './execution.js';
import { parsePath } from './paths/parse.js';
import { selectAt } from './paths/select.js';

const proto = Object.prototype as Record<string, unknown>;
const global = globalThis as Record<string, unknown>;

afterEach(() => {
  delete proto.polluted;
  delete global.pwned;
});

function passWith(fields: Record<string, unknown>) {
  return { StartAt: 'P', States: { P: { Type: 'Pass', End: true, ...fields } } };
}

describe('JSONPath filters run under jsonpath-plus safe evaluation only', () => {
  const exploits = [
    // CVE-2024-21534: building Function from a constructor chain inside a filter.
    "$..[?(p=\"globalThis.pwned=1\";a=''[['constructor']][['constructor']](p);a())]",
    "$[?(@.constructor.constructor('globalThis.pwned=1')())]",
    // CVE-2025-1302: the same reached through other receivers and call shapes.
    "$[?(@['constructor']['constructor']('return globalThis')().pwned=1)]",
    "$..[?(@.__proto__.constructor.constructor('globalThis.pwned=1')())]",
    '$[?((()=>{globalThis.pwned=1})())]',
    "$[?(@.__proto__.polluted='yes')]",
  ];

  it.each(exploits)('never executes %s', (exploit) => {
    const data = { a: [{ b: 1 }, { b: 2 }], s: 'text' };
    let result: unknown;
    try {
      result = selectAt(parsePath(exploit), data);
    } catch {
      result = 'refused';
    }
    expect(global.pwned).toBeUndefined();
    expect(proto.polluted).toBeUndefined();
    expect(result === 'refused' || Array.isArray(result)).toBe(true);
  });

  it('keeps executions safe when a definition carries an exploit', async () => {
    for (const exploit of exploits) {
      const result = await runExecution(
        passWith({ Parameters: { 'x.$': exploit } }),
        { a: [1] },
        { validation: 'runnable' },
      ).catch((error: unknown) => ({ status: 'REFUSED', error }));
      expect(['SUCCEEDED', 'FAILED', 'REFUSED']).toContain(result.status);
    }
    expect(global.pwned).toBeUndefined();
    expect(proto.polluted).toBeUndefined();
  });
});

describe('JSONata sees only data', () => {
  it('cannot reach Object.prototype through a transform on __proto__', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Output: '{% $states.input ~> | __proto__ | {"polluted": "yes"} | %}', End: true },
      },
    };
    const result = await runExecution(definition, { a: 1 });
    expect(proto.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(['SUCCEEDED', 'FAILED']).toContain(result.status);
  });

  it('cannot call the Function constructor', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: { P: { Type: 'Pass', Output: "{% $string.constructor('globalThis.pwned=1')() %}", End: true } },
    };
    const result = await runExecution(definition, {});
    expect(global.pwned).toBeUndefined();
    expect(result.status).toBe('FAILED');
  });
});

describe('no prototype pollution through data paths', () => {
  it('keeps __proto__ and constructor.prototype as plain keys in ResultPath, Assign, templates and input', async () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { polluted: 'yes' }, ResultPath: '$.__proto__', Next: 'B' },
        B: { Type: 'Pass', Result: 'yes', ResultPath: '$.constructor.prototype.polluted', Next: 'C' },
        C: {
          Type: 'Pass',
          Parameters: {
            '__proto__.$': '$.__proto__',
            constructor: { prototype: { polluted: 'yes' } },
            'input.$': '$',
          },
          Assign: { 'copy.$': '$.__proto__' },
          Next: 'D',
        },
        D: { Type: 'Pass', Parameters: { 'fromVar.$': '$copy' }, End: true },
      },
    };
    const input = JSON.parse('{"__proto__": {"polluted": "input"}}');
    const result = await runExecution(definition, input);
    expect(result.status).toBe('SUCCEEDED');
    expect(proto.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(result.output)).toBe('{"fromVar":{"polluted":"yes"}}');
  });

  it('keeps hostile keys harmless in JSONata Assign and Output', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Output: { __proto__: { polluted: '{% "yes" %}' } }, Next: 'Q' },
        Q: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution(JSON.parse(JSON.stringify(definition)), {});
    expect(proto.polluted).toBeUndefined();
    expect(result.status).toBe('SUCCEEDED');
  });
});

describe("AWS's limits", () => {
  it('fails a state whose output exceeds 256 KiB with States.DataLimitExceeded', async () => {
    const definition = {
      StartAt: 'Grow',
      States: {
        Grow: {
          Type: 'Pass',
          Parameters: { 'a.$': '$.big', 'b.$': '$.big' },
          Catch: undefined,
          End: true,
        },
      },
    };
    const big = 'x'.repeat(140 * 1024);
    const result = await runExecution(passWith({ Parameters: definition.States.Grow.Parameters }), { big });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause:
        "The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
    const tooBigInput = await runExecution(passWith({}), { big: 'y'.repeat(300 * 1024) });
    expect(tooBigInput).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('counts every byte a chain of ResultPath writes adds, up to the exact limit', async () => {
    // Each state writes a 40 KiB string under a new key of a ~100 KiB input: the first three
    // outputs fit (the engine bounds them from the input's size), the fourth crosses 256 KiB.
    const piece = 'p'.repeat(40 * 1024);
    const States: Record<string, unknown> = {};
    for (let i = 0; i < 4; i++) {
      States[`W${i}`] = {
        Type: 'Pass',
        Result: piece,
        ResultPath: `$.k${i}`,
        ...(i < 3 ? { Next: `W${i + 1}` } : { End: true }),
      };
    }
    const base = 'b'.repeat(100 * 1024);
    const run = (input: JsonValue) => runExecution({ StartAt: 'W0', States }, input);
    const over = await run({ base });
    expect(over).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(over.cause).toContain("'W3'");
    // Just under: the same writes into an input small enough that all four fit exactly.
    const fits = 256 * 1024 - 4 * (40 * 1024 + 8) - 11;
    const under = await run({ base: 'b'.repeat(fits) });
    expect(under.status).toBe('SUCCEEDED');
    expect(Buffer.byteLength(JSON.stringify(under.output))).toBe(256 * 1024);
    const justOver = await run({ base: 'b'.repeat(fits + 1) });
    expect(justOver).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('handles deeply nested data without hanging or crashing', async () => {
    const outcome = (value: unknown) =>
      runExecution(passWith({ Result: { wrapped: true }, ResultPath: '$.extra' }), value as never).then(
        (r) => r.status,
        (e: unknown) => (e instanceof Error && /nests too deeply/.test(e.message) ? 'REFUSED' : String(e)),
      );
    for (const depth of [1_000, 5_000, 100_000]) {
      let deep: unknown = 'leaf';
      for (let i = 0; i < depth; i++) deep = i % 2 ? { d: deep } : [deep];
      expect(['SUCCEEDED', 'FAILED', 'REFUSED']).toContain(await outcome(deep));
    }
    expect(
      await outcome(
        (() => {
          let d: unknown = 1;
          for (let i = 0; i < 500; i++) d = { d };
          return d;
        })(),
      ),
    ).toBe('SUCCEEDED');
  });

  it('refuses a definition nested deeper than the validator allows, never overflowing the stack', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    for (const validation of ['aws', 'runnable'] as const) {
      const thrown = await runExecution(passWith({ Result: deep }), {}, { validation }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(InvalidDefinitionError);
      expect((thrown as InvalidDefinitionError).problems.map((p) => p.code)).toEqual(['TOO_DEEPLY_NESTED']);
    }
  });

  it('settles every execution, even when a handler never returns', async () => {
    const definition = {
      StartAt: 'Hang',
      States: { Hang: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } },
    };
    const handle = startExecution(
      definition,
      {},
      { clock: 'real', mocks: { Hang: () => new Promise(() => {}) } },
    );
    setTimeout(() => handle.stop(), 20);
    await expect(handle.result).resolves.toMatchObject({ status: 'ABORTED' });
    const timed = startExecution(
      { ...definition, TimeoutSeconds: 1 },
      {},
      {
        clock: 'real',
        mocks: { Hang: () => new Promise(() => {}) },
      },
    );
    await expect(timed.result).resolves.toMatchObject({ status: 'TIMED_OUT' });
  });
});
