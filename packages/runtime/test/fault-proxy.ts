// An HTTP proxy between a client and the local endpoint that can misbehave on purpose: answer
// a chosen operation with a 5xx or a throttling error, or cut the client off entirely (as if
// its process had been killed: nothing it sends reaches the endpoint any more). End-to-end
// tests use it to show workers survive transient failures and that Step Functions' own
// timeouts recover work from a worker that vanished.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An answer to give instead of forwarding. */
export interface InjectedFault {
  status: number;
  type: string;
}

export const SERVER_ERROR: InjectedFault = { status: 500, type: 'InternalServerError' };
export const THROTTLED: InjectedFault = { status: 400, type: 'ThrottlingException' };

export class FaultProxy {
  readonly #server: Server;
  readonly #target: URL;
  readonly #sockets = new Set<Socket>();
  readonly #faults = new Map<string, InjectedFault[]>();
  #cut = false;
  /** Operations answered with an injected fault, in order. */
  readonly injected: string[] = [];
  url = '';

  private constructor(target: string) {
    this.#target = new URL(target);
    this.#server = createServer((req, res) => this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      if (this.#cut) socket.destroy();
    });
  }

  static async start(target: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.#server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** Answers the next calls of `operation` with `faults`, one per call. */
  inject(operation: string, ...faults: InjectedFault[]): void {
    this.#faults.set(operation, [...(this.#faults.get(operation) ?? []), ...faults]);
  }

  /** From now on nothing reaches the endpoint: open connections and new ones are destroyed. */
  cut(): void {
    this.#cut = true;
    for (const socket of this.#sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.#cut) {
      req.socket.destroy();
      return;
    }
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
    const fault = this.#faults.get(operation)?.shift();
    if (fault) {
      this.injected.push(operation);
      req.resume();
      req.on('end', () => {
        res.writeHead(fault.status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: fault.type, message: `injected ${fault.type}` }));
      });
      return;
    }
    const upstream = request(
      {
        host: this.#target.hostname,
        port: this.#target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }
}
