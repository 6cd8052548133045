// Starts the local Step Functions endpoint: an HTTP server on loopback that the real AWS SDK,
// the runtime's workers and its CLI talk to unchanged. This file only wires the parts together
// (memory, task broker, operation tables, HTTP listener) and owns the lifecycle, so `close()`
// can end every long poll and running execution and leave no timer or socket behind.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '@sfini/core';
import { beginExecution, callbackMode } from '../engine/execution.js';
import { TaskTokens } from '../engine/task/task-tokens.js';
import type { RunOptions } from '../engine/types.js';
import { activityOperations } from './activities.js';
import { activityTaskResolver } from './activity-resolver.js';
import { validationOperations } from './definitions.js';
import { type ExecutionStarter, executionContext, executionOperations } from './executions.js';
import { historyOperations } from './history.js';
import { createRequestListener, type EndpointLogger, type OperationHandler } from './http.js';
import { createEndpointState } from './state.js';
import { stateMachineOperations } from './state-machines.js';
import { tagOperations } from './tags.js';
import { ActivityTaskBroker } from './task-broker.js';
import { testStateOperations } from './test-state.js';
import { workerOperations } from './worker-operations.js';

/** Options of {@link startLocalEndpoint}. */
export interface LocalEndpointOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (loopback only). */
  host?: string;
  /** Region in every ARN the endpoint issues; default `us-east-1`. */
  region?: string;
  /** Account in every ARN the endpoint issues; default `123456789012`. */
  accountId?: string;
  /** How long GetActivityTask waits for a task before answering empty; default 60,000 ms as AWS. */
  pollTimeoutMs?: number;
  /** The largest request body accepted, in bytes; default 4 MiB (AWS's definitions reach 1 MiB). */
  maxRequestBytes?: number;
  /**
   * How long a client may take to send a whole request (headers and body), in milliseconds;
   * default 60,000. A slower one gets 408 and its connection is closed. Long polls are not
   * affected: they hold the answer, not the request.
   */
  requestTimeoutMs?: number;
  /** Where unexpected failures are reported; default `console`. */
  logger?: EndpointLogger;
  /** Lambda-style handlers for Task resources that are Lambda functions, passed to the engine. */
  lambdas?: RunOptions['lambdas'];
  /** Per-state mocks by Task state name, passed to the engine; a mocked activity Task skips the workers. */
  mocks?: RunOptions['mocks'];
  /**
   * `manual` (default, as AWS): a `.waitForTaskToken` Task waits until SendTaskSuccess,
   * SendTaskFailure or its timeout ends it; a `lambdas` handler only starts it. `auto`: the
   * handler's return completes it.
   */
  callbacks?: RunOptions['callbacks'];
}

/**
 * Settings for `new SFNClient(...)` that reach the endpoint. `disableHostPrefix` matters: the
 * SDK sends StartSyncExecution to `sync-<host>`, a name that does not resolve for a local host.
 */
export interface LocalClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly disableHostPrefix: true;
}

/** A running local endpoint. */
export interface LocalEndpoint {
  /** The base URL to give `new SFNClient({ endpoint })`, e.g. `http://127.0.0.1:8083`. */
  readonly url: string;
  /** Everything `new SFNClient(endpoint.clientConfig)` needs, static credentials included. */
  readonly clientConfig: LocalClientConfig;
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly accountId: string;
  /**
   * Stops listening, answers waiting polls with no task, stops running executions (ABORTED),
   * and resolves once every connection is closed.
   */
  close(): Promise<void>;
}

const DEFAULT_POLL_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local Step Functions endpoint speaking AWS's JSON protocol.
 * @param options port (default: a free one), host (default 127.0.0.1), the region and account
 * in its ARNs, poll and request limits, and mocks and lambdas for the executions it runs.
 * @returns the endpoint once it listens; `close()` it when done.
 * @throws when the port cannot be bound (e.g. EADDRINUSE).
 * @throws TypeError when `callbacks` is neither `auto` nor `manual`.
 * @example
 * const endpoint = await startLocalEndpoint();
 * const sfn = new SFNClient(endpoint.clientConfig);
 * // ... use sfn ...
 * await endpoint.close();
 */
export async function startLocalEndpoint(options: LocalEndpointOptions = {}): Promise<LocalEndpoint> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const logger = options.logger ?? console;
  // Checked once here: refused inside each StartExecution it would be a 500 the SDK retries.
  const callbacks = callbackMode(options.callbacks ?? 'manual');
  const state = createEndpointState({ partition: 'aws', region, accountId });
  const broker = new ActivityTaskBroker();
  // Every execution's `.waitForTaskToken` Tasks wait in one registry, which SendTask* answers.
  const callbackTokens = new TaskTokens();
  const taskResolver = activityTaskResolver(state, broker, new Set(Object.keys(options.mocks ?? {})));

  const start: ExecutionStarter = (machine, executionArn, executionName, input) =>
    beginExecution(
      machine.revision.definition,
      input,
      {
        context: executionContext(machine, executionArn, executionName, new Date()),
        clock: 'real',
        callbacks,
        taskResolver,
        ...(options.lambdas === undefined ? {} : { lambdas: options.lambdas }),
        ...(options.mocks === undefined ? {} : { mocks: options.mocks }),
      },
      'shared',
      callbackTokens,
    );

  const operations = new Map<string, OperationHandler>(
    Object.entries({
      ...activityOperations(state),
      ...stateMachineOperations(state),
      ...validationOperations(),
      ...tagOperations(state),
      ...executionOperations(state, start),
      ...historyOperations(state),
      ...testStateOperations(options.lambdas === undefined ? {} : { lambdas: options.lambdas }),
      ...workerOperations(state, broker, callbackTokens, options.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS),
    }),
  );

  // A client must send its whole request within requestTimeout (so a slow or stalled sender
  // cannot hold a connection forever); Node checks that every quarter of the timeout.
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(requestTimeout / 4))),
    },
    createRequestListener({
      operations,
      maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
      logger,
    }),
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy(error);
  });

  const address = await listen(server, options.port ?? 0, host);
  let closing: Promise<void> | undefined;

  const url = `http://${urlHost(host)}:${address.port}`;
  return {
    url,
    clientConfig: {
      endpoint: url,
      region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      disableHostPrefix: true,
    },
    port: address.port,
    host,
    region,
    accountId,
    close() {
      closing ??= (async () => {
        broker.close();
        const running: Promise<unknown>[] = [];
        for (const execution of state.executions.values()) {
          if (execution.handle.status() !== 'RUNNING') continue;
          execution.handle.stop({ error: 'sfini.EndpointClosed', cause: 'The local endpoint was closed.' });
          running.push(execution.handle.result);
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Answers already queued (the empty poll answers above) are flushed before sockets go.
        setImmediate(() => server.closeAllConnections());
        await Promise.race([
          Promise.allSettled(running),
          new Promise((resolve) => setTimeout(resolve, 2000).unref()),
        ]);
        await closed;
      })();
      return closing;
    },
  };
}
