// The seed's CLI example is a program whose only code is `cli(...)`; running it end to end
// means driving that CLI as a user would: register, a worker in the background, start with
// --wait, then deregister. The commands run in process, each with its own arguments, exactly
// as `node my-machine.js <command>` would run them.
import type { AnyStateMachine } from '@sfini/core';
import { type ActivitySource, type CliStreams, cli } from '@sfini/runtime';
import type { Print } from './run-example.js';

/** Where the CLI connects and what it registers with. */
export interface CliExampleOptions {
  stateMachine: AnyStateMachine;
  activities: ActivitySource;
  input: unknown;
  /** Endpoint URL (the local endpoint), or undefined for AWS. */
  endpoint?: string;
  roleArn?: string;
  version?: string;
}

/** What the CLI printed for `start --wait`, and its exit code. */
export interface CliExampleRun {
  exitCode: number;
  /** Standard output of `start --wait`: the execution ARN, then the output as JSON. */
  startOutput: string;
}

/** Runs the CLI example: register, worker, start --wait, deregister. */
export async function runCliExample(
  options: CliExampleOptions,
  print: Print = () => {},
): Promise<CliExampleRun> {
  const app = cli({
    stateMachine: options.stateMachine,
    activities: options.activities,
    version: options.version ?? '1.0',
    program: 'cli-example',
    ...(options.roleArn ? { roleArn: options.roleArn } : {}),
  });
  const connection = options.endpoint ? ['--endpoint', options.endpoint] : [];
  const run = async (argv: string[], signal?: AbortSignal) => {
    let stdout = '';
    let stderr = '';
    const streams: CliStreams = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      ...(signal ? { signal } : {}),
    };
    const exitCode = await app.run([...argv, ...connection], streams);
    if (exitCode !== 0 && argv[0] !== 'start') {
      throw new Error(`cli-example ${argv.join(' ')} exited ${exitCode}: ${stderr.trim()}`);
    }
    return { exitCode, stdout, stderr };
  };

  print('$ cli-example register');
  print((await run(['register'])).stdout.trimEnd());
  const stopWorker = new AbortController();
  print('$ cli-example worker &');
  const worker = run(['worker'], stopWorker.signal);
  try {
    print(`$ cli-example start --input '${JSON.stringify(options.input)}' --wait`);
    const started = await run([
      'start',
      '--input',
      JSON.stringify(options.input),
      '--wait',
      '--timeout',
      '120',
    ]);
    print(started.stdout.trimEnd());
    if (started.stderr) print(started.stderr.trimEnd());
    return { exitCode: started.exitCode, startOutput: started.stdout };
  } finally {
    stopWorker.abort();
    await worker;
    print('$ cli-example deregister');
    print((await run(['deregister'])).stdout.trimEnd());
  }
}
