// The request listener on its own, with handlers written to misbehave: an unexpected throw
// must become a logged 500 InternalFailure, and a DeliveryReply must learn whether its answer
// reached the client.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/sdk-harness.js';
import { createRequestListener, DeliveryReply, type OperationHandler, toWireJson } from './http.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(operations: Record<string, OperationHandler>) {
  const logger = recordingLogger();
  server = createServer(
    createRequestListener({ operations: new Map(Object.entries(operations)), maxRequestBytes: 1024, logger }),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (operation: string, init: { signal?: AbortSignal } = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'x-amz-target': `AWSStepFunctions.${operation}`,
        'content-type': 'application/x-amz-json-1.0',
      },
      body: '{}',
      signal: init.signal,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return { call, logger };
}

describe('createRequestListener', () => {
  it('turns an unexpected throw into a logged 500 InternalFailure and keeps serving', async () => {
    const { call, logger } = await serve({
      Broken() {
        throw new TypeError('a bug');
      },
      BrokenAsync: async () => {
        await Promise.resolve();
        throw new RangeError('another bug');
      },
      Fine: () => ({ ok: true }),
    });
    const sync = await call('Broken');
    expect(sync.status).toBe(500);
    expect(sync.json.__type).toBe('InternalFailure');
    expect(JSON.stringify(sync.json)).not.toContain('a bug');
    const async = await call('BrokenAsync');
    expect(async.status).toBe(500);
    expect(logger.errors).toHaveLength(2);
    expect(String(logger.errors[0]![0])).toContain('Broken');
    expect(logger.errors[0]![1]).toBeInstanceOf(TypeError);
    expect(await call('Fine')).toEqual({ status: 200, json: { ok: true } });
  });

  it('settles a DeliveryReply with true once delivered and false when the client left first', async () => {
    const settled: boolean[] = [];
    let releaseSlow: () => void = () => {};
    const slowStarted = new Promise<void>((started) => {
      releaseSlow = started;
    });
    const { call } = await serve({
      Quick: () => new DeliveryReply({ n: 1 }, (delivered) => settled.push(delivered)),
      async Slow(_body, context) {
        releaseSlow();
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        return new DeliveryReply({ n: 2 }, (delivered) => settled.push(delivered));
      },
    });
    expect(await call('Quick')).toEqual({ status: 200, json: { n: 1 } });
    await expect.poll(() => settled).toEqual([true]);

    const aborter = new AbortController();
    const pending = call('Slow', { signal: aborter.signal }).catch((error: unknown) => error);
    await slowStarted;
    aborter.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expect.poll(() => settled).toEqual([true, false]);
  });

  it('writes Dates as epoch seconds', () => {
    expect(toWireJson({ at: new Date(1_700_000_000_123), nested: [{ d: new Date(0) }] })).toBe(
      '{"at":1700000000.123,"nested":[{"d":0}]}',
    );
  });
});
