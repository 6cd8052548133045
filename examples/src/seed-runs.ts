// How each of the seed's five examples is run end to end: the input the seed starts it with,
// the folders the file-processing example works in, the CLI example driven through its CLI,
// and the error-handling example's sleep times. The machines and their ASL stay the seed's;
// only the handler's sleeps can be shortened (the first still outlasts the Task's 10 s
// timeout, so the Retry and then the Catch happen as in the seed, just sooner).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionResult, Session } from '@sfini/runtime';
import { raiseTiming } from './error-handling/machine.js';
import type { SeedExample } from './examples.js';
import { runCliExample } from './run-cli-example.js';
import { type Print, runExample } from './run-example.js';

/** The sample images the file-processing example resizes. */
export const SAMPLE_IMAGES_DIR = fileURLToPath(new URL('../images', import.meta.url));

/** The seed's sleeps: 15 s, then 5 s (about 18 s in all with the 3 s retry interval). */
export const SEED_SLEEPS = { sleepSeconds: 15, decrement: 10 } as const;
/** Shorter sleeps: 12 s (well past the 10 s timeout, before the 13 s retry), then 0.2 s: about 13 s in all. */
export const SHORT_SLEEPS = { sleepSeconds: 12, decrement: 11.8 } as const;

/** Where and how the examples run. */
export interface SeedRunOptions {
  /** The session to register and run through (AWS, or a local endpoint). */
  session: Session;
  /** The endpoint URL the CLI example connects to; undefined for AWS. */
  endpoint?: string;
  /** The IAM role on AWS. */
  roleArn?: string;
  /** The error-handling example's sleeps; default {@link SHORT_SLEEPS}. */
  sleeps?: { sleepSeconds: number; decrement: number };
}

/** How a seed example ended, and the execution that ran it. */
export interface SeedRunResult {
  executionArn: string;
  result: ExecutionResult<unknown>;
}

function inputOf(example: SeedExample, resizedDir: string): unknown {
  switch (example.id) {
    case 'file-processing':
      return { image_dir: SAMPLE_IMAGES_DIR, resized_image_dir: resizedDir };
    case 'looping':
      return { increment: 3 };
    case 'parallel':
      return { level: 20, message: 'foo' };
    case 'cli':
      return { message: 'hello from the CLI example' };
    case 'error-handling':
      return {};
  }
}

/** Runs one seed example end to end and returns how its execution ended. */
export async function runSeedExample(
  example: SeedExample,
  options: SeedRunOptions,
  print: Print = () => {},
): Promise<SeedRunResult> {
  const resizedDir = await mkdtemp(join(tmpdir(), 'sfini-resized-'));
  try {
    const input = inputOf(example, resizedDir);
    if (example.id === 'cli') {
      print(`== ${example.title} (${example.stateMachine.name})`);
      const run = await runCliExample(
        {
          stateMachine: example.stateMachine,
          activities: example.activities,
          input,
          ...(options.endpoint ? { endpoint: options.endpoint } : {}),
          ...(options.roleArn ? { roleArn: options.roleArn } : {}),
        },
        print,
      );
      const [executionArn = '', ...output] = run.startOutput.trim().split('\n');
      const result: ExecutionResult<unknown> =
        run.exitCode === 0
          ? { status: 'SUCCEEDED', output: JSON.parse(output.join('\n')) }
          : { status: 'FAILED', error: 'CliExitCode', cause: `cli-example start exited ${run.exitCode}` };
      return { executionArn, result };
    }
    let title = `${example.title} (${example.stateMachine.name})`;
    if (example.id === 'error-handling') {
      const sleeps = options.sleeps ?? SHORT_SLEEPS;
      raiseTiming.sleepSeconds = sleeps.sleepSeconds;
      raiseTiming.decrement = sleeps.decrement;
      const second = Math.max(0, sleeps.sleepSeconds - sleeps.decrement);
      title += ` (the handler sleeps ${sleeps.sleepSeconds} s, then ${Number(second.toFixed(3))} s)`;
    }
    const run = await runExample(
      options.session,
      {
        title,
        stateMachine: example.stateMachine,
        activities: example.activities,
        input,
        ...(options.roleArn ? { roleArn: options.roleArn } : {}),
      },
      print,
    );
    return { executionArn: run.executionArn, result: run.result };
  } finally {
    await rm(resizedDir, { recursive: true, force: true });
  }
}
