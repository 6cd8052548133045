// Starts the local endpoint of @sfini/testing for end-to-end tests. Loaded dynamically so the
// runtime's tests say clearly that they are skipped, rather than failing to compile, in a
// tree where the endpoint has not been built yet.
export interface RunningEndpoint {
  url: string;
  close(): Promise<void>;
}

type Start = (options?: { port?: number; host?: string; pollTimeoutMs?: number }) => Promise<RunningEndpoint>;

const testing = (await import('@sfini/testing')) as Record<string, unknown>;
const start = testing.startLocalEndpoint as Start | undefined;

/** True when @sfini/testing provides the local endpoint. */
export const hasLocalEndpoint = typeof start === 'function';
if (!hasLocalEndpoint) {
  console.warn('end-to-end tests skipped: @sfini/testing does not export startLocalEndpoint yet');
}

/** Starts a local endpoint; only call when {@link hasLocalEndpoint}. */
export function startLocalEndpoint(options: Parameters<Start>[0] = {}): Promise<RunningEndpoint> {
  if (!start) throw new Error('@sfini/testing does not export startLocalEndpoint');
  return start(options);
}
