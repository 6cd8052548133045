// Shared by the endpoint's end-to-end tests: an endpoint per test file, a real SFNClient
// pointed at it, raw HTTP for requests the SDK would never send, and a helper that captures
// the error a call rejects with so tests can assert its AWS name and HTTP status.
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll } from 'vitest';
import { type LocalEndpoint, type LocalEndpointOptions, startLocalEndpoint } from '../src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** A role ARN of the shape AWS requires; the local endpoint checks the shape only. */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/sfini-local';

/** A logger that keeps what it is told, so tests can assert nothing unexpected was logged. */
export function recordingLogger() {
  const errors: unknown[][] = [];
  return { errors, error: (...args: unknown[]) => void errors.push(args) };
}

/** Starts an endpoint and a client for it. */
export async function startHarness(options: LocalEndpointOptions = {}) {
  const logger = recordingLogger();
  const endpoint: LocalEndpoint = await startLocalEndpoint({ logger, ...options });
  const sfn = new SFNClient({ ...endpoint.clientConfig, maxAttempts: 1 });
  return {
    endpoint,
    sfn,
    logger,
    async close() {
      sfn.destroy();
      await endpoint.close();
    },
  };
}

/** What {@link startHarness} returns. */
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * One endpoint and client for the whole test file: started before the first test, closed after
 * the last. The returned object is filled in by `beforeAll`.
 */
export function useEndpoint(options: LocalEndpointOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options));
  });
  afterAll(async () => {
    await harness.close();
  });
  return harness;
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** What a raw call got back. */
export interface RawAnswer {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  headers: { get(name: string): string | null };
}

/** Sends one raw request to the endpoint, as a client other than the SDK might. */
export async function rawCall(
  url: string,
  init: { target?: string; body?: string | Uint8Array; method?: string; headers?: Record<string, string> },
): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', ...init.headers };
  if (init.target !== undefined) headers['x-amz-target'] = init.target;
  const response = await fetch(url, { method: init.method ?? 'POST', headers, body: init.body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** A one-state Pass machine's definition. */
export function passDefinition(result: unknown = { ok: true }): string {
  return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', Result: result, End: true } } });
}
