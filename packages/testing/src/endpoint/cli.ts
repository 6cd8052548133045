// The `sfini-local` command: serve the endpoint until told to stop. The logic lives here rather
// than in the bin file so it runs in tests with a fake process (arguments, output, signals)
// and the bin stays a two-line shim.
import { parseArgs } from 'node:util';
import { type LocalEndpoint, startLocalEndpoint } from './server.js';

/** The parts of `process` the command uses. */
export interface CliProcess {
  readonly argv: readonly string[];
  stdout(text: string): void;
  stderr(text: string): void;
  /** Registers a one-time handler for SIGINT / SIGTERM. */
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): void;
}

export const USAGE = `Usage: sfini-local [--port 8083] [--host 127.0.0.1] [--region us-east-1] [--account-id 123456789012]

Serves a local AWS Step Functions endpoint. Point the AWS SDK or CLI at the printed URL
(e.g. new SFNClient({ endpoint: url })). Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port <n>          port to listen on (default 8083; 0 picks a free port)
  --host <address>    interface to listen on (default 127.0.0.1)
  --region <name>     region in the ARNs the endpoint issues (default us-east-1)
  --account-id <id>   12-digit account in those ARNs (default 123456789012)
  -h, --help          show this help
`;

/** The port Step Functions Local has always used. */
export const DEFAULT_CLI_PORT = 8083;

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CLI_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new Error(`--port must be a number from 0 to 65535, got '${text}'`);
  return port;
}

/**
 * Runs `sfini-local` with `proc.argv` (the arguments after the command name).
 * @returns the running endpoint, or undefined when the command exited (help, bad arguments,
 *   port in use) with the code passed to `proc.exit`.
 */
export async function runSfiniLocal(proc: CliProcess): Promise<LocalEndpoint | undefined> {
  let options: {
    port: number;
    host: string | undefined;
    region: string | undefined;
    accountId: string | undefined;
  };
  try {
    const { values } = parseArgs({
      args: [...proc.argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        region: { type: 'string' },
        'account-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      proc.stdout(USAGE);
      proc.exit(0);
      return undefined;
    }
    const accountId = values['account-id'];
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
      throw new Error(`--account-id must be 12 digits, got '${accountId}'`);
    }
    options = { port: parsePort(values.port), host: values.host, region: values.region, accountId };
  } catch (error) {
    proc.stderr(`sfini-local: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    proc.exit(2);
    return undefined;
  }

  let endpoint: LocalEndpoint;
  try {
    endpoint = await startLocalEndpoint({
      port: options.port,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
    });
  } catch (error) {
    proc.stderr(`sfini-local: cannot listen: ${error instanceof Error ? error.message : String(error)}\n`);
    proc.exit(1);
    return undefined;
  }

  proc.stdout(`sfini-local: Step Functions endpoint listening on ${endpoint.url}\n`);
  proc.stdout(`sfini-local: region ${endpoint.region}, account ${endpoint.accountId}; Ctrl-C stops it\n`);
  const stop = () => {
    endpoint.close().then(
      () => {
        proc.stdout('sfini-local: stopped\n');
        proc.exit(0);
      },
      (error: unknown) => {
        proc.stderr(`sfini-local: error while stopping: ${String(error)}\n`);
        proc.exit(1);
      },
    );
  };
  proc.onSignal('SIGINT', stop);
  proc.onSignal('SIGTERM', stop);
  return endpoint;
}
