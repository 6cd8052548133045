// The HTTP half of the endpoint: AWS's JSON protocol (POST /, `X-Amz-Target:
// AWSStepFunctions.<Operation>`, JSON in and out, epoch-second timestamps, errors as
// `{"__type", "message"}`). It is kept apart from the operations so that every way a request
// can be wrong (method, target, size, JSON) is answered in one place, every handler runs inside
// one try/catch, and nothing a client sends can take the server down.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, internalFailure } from './errors.js';

/** The target prefix of every Step Functions operation. */
export const TARGET_PREFIX = 'AWSStepFunctions.';

/** What a handler knows about the call besides its body. */
export interface CallContext {
  /** Aborted when the client goes away before its answer is written (long polls stop here). */
  readonly signal: AbortSignal;
}

/**
 * An answer whose delivery matters: `settle(true)` runs once the body has been handed to the
 * connection, `settle(false)` when the client was gone first. Long polls use it so that a task
 * is never handed to a poller that disconnected.
 */
export class DeliveryReply {
  constructor(
    readonly body: unknown,
    readonly settle: (delivered: boolean) => void,
  ) {}
}

/** Handles one operation: returns the response body (or a DeliveryReply) or throws ApiError. */
export type OperationHandler = (body: Record<string, unknown>, call: CallContext) => unknown;

/** Where the endpoint reports failures it did not expect. */
export interface EndpointLogger {
  /** Reports a failure the endpoint survived (answered as an internal error), with its cause. */
  error(message: string, error?: unknown): void;
}

export interface ListenerOptions {
  operations: ReadonlyMap<string, OperationHandler>;
  /** The largest request body accepted; larger ones get 413. */
  maxRequestBytes: number;
  logger: EndpointLogger;
}

/** Serialises a response body: Dates become epoch seconds, as AWS's JSON protocol sends them. */
export function toWireJson(body: unknown): string {
  return JSON.stringify(body, function replace(this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
}

function send(
  res: ServerResponse,
  status: number,
  requestId: string,
  payload: string,
  errorType?: string,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(payload, 'utf8'),
    'x-amzn-RequestId': requestId,
  };
  if (errorType !== undefined) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(payload);
}

function sendError(res: ServerResponse, requestId: string, error: ApiError): void {
  send(
    res,
    error.status,
    requestId,
    JSON.stringify({ __type: error.type, message: error.message }),
    error.type,
  );
}

type BodyResult = { ok: true; text: string } | { ok: false; bytes: number };

/**
 * Reads the body, up to `limit` bytes. A body declared larger (Content-Length) is not waited
 * for, and one that grows past the limit is answered as soon as it does: the caller answers 413
 * and closes the connection, so an oversized upload is never buffered nor waited for.
 */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve({ ok: false, bytes: declared });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      resolve({ ok: false, bytes });
    };
    req.on('data', onData);
    req.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

/** How long a client still sending an oversized body may keep the closing connection. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Answers an oversized request and ends its connection: the answer goes out with `Connection:
 * close`, what the client still sends is discarded, and the socket is destroyed if the client
 * keeps sending after the grace period.
 */
function refuseOversized(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  error: ApiError,
): void {
  res.setHeader('Connection', 'close');
  req.resume();
  res.on('finish', () => {
    setTimeout(() => req.socket.destroy(), CLOSE_GRACE_MS).unref();
  });
  sendError(res, requestId, error);
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('SerializationException', `The request body is not valid JSON: ${detail}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function resolveOperation(req: IncomingMessage, operations: ReadonlyMap<string, OperationHandler>) {
  if (req.method !== 'POST') {
    throw new ApiError(
      'UnknownOperationException',
      `Step Functions takes POST requests; got ${req.method}`,
      405,
    );
  }
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string' || target === '') {
    throw new ApiError(
      'UnknownOperationException',
      'The request has no X-Amz-Target header naming the operation',
    );
  }
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const handler = name === undefined ? undefined : operations.get(name);
  if (name === undefined || handler === undefined) {
    throw new ApiError('UnknownOperationException', `Unknown operation '${target}'`);
  }
  return { name, handler };
}

/** Builds the request listener: one Step Functions call per request, never an unhandled throw. */
export function createRequestListener(
  options: ListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { operations, maxRequestBytes, logger } = options;
  return (req, res) => {
    const requestId = randomUUID();
    const aborter = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborter.abort(new Error('the client disconnected'));
    });
    handle(req, res, requestId, aborter.signal).catch((error: unknown) => {
      logger.error(`[sfini-local] request ${requestId} failed while answering`, error);
      if (!res.headersSent) sendError(res, requestId, internalFailure());
      else res.destroy();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string, signal: AbortSignal) {
    let operation = 'unknown';
    try {
      const body = await readBody(req, maxRequestBytes);
      if (!body.ok) {
        const error = new ApiError(
          'ValidationException',
          `The request body is ${body.bytes} bytes or more; the endpoint accepts at most ${maxRequestBytes} bytes`,
          413,
        );
        refuseOversized(req, res, requestId, error);
        return;
      }
      const resolved = resolveOperation(req, operations);
      operation = resolved.name;
      const result = await resolved.handler(parseBody(body.text), { signal });
      if (result instanceof DeliveryReply) {
        deliver(res, requestId, result);
        return;
      }
      send(res, 200, requestId, toWireJson(result ?? {}));
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status >= 500) logger.error(`[sfini-local] ${operation} failed`, error);
        sendError(res, requestId, error);
        return;
      }
      logger.error(`[sfini-local] ${operation} failed with an unexpected error`, error);
      sendError(res, requestId, internalFailure());
    }
  }

  function deliver(res: ServerResponse, requestId: string, reply: DeliveryReply) {
    let settled = false;
    const settle = (delivered: boolean) => {
      if (settled) return;
      settled = true;
      try {
        reply.settle(delivered);
      } catch (error) {
        logger.error('[sfini-local] settling a delivery failed', error);
      }
    };
    if (res.destroyed || res.writableEnded) {
      settle(false);
      return;
    }
    res.on('finish', () => settle(true));
    res.on('close', () => settle(res.writableFinished));
    send(res, 200, requestId, toWireJson(reply.body));
  }
}
