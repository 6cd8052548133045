// Every seed example runs the same way sfini's README runs it: register the activities and
// the machine, start a worker per activity, start an execution, wait, print the output, stop
// the workers, deregister. Doing that in one function keeps the five runs identical in shape,
// so the demo, the end-to-end tests and a run on AWS all exercise the same path.

import type { AnyStateMachine, MachineInput, MachineOutput } from '@sfini/core';
import type { ActivitySource, ExecutionResult, Session, Worker, WorkerOptions } from '@sfini/runtime';
import { activitiesOf } from '@sfini/runtime';

/** One example: a machine, the activities it owns, and the input it is started with. */
export interface ExampleSpec<M extends AnyStateMachine> {
  title: string;
  stateMachine: M;
  /** The activities registered, worked and deregistered; default: the machine's. */
  activities?: ActivitySource;
  input: MachineInput<M>;
  /** The IAM role on AWS; the local endpoint accepts any. */
  roleArn?: string;
  workerOptions?: WorkerOptions;
  /** Give up waiting after this many milliseconds. */
  timeoutMs?: number;
}

/** What a run printed and returned. */
export interface ExampleRun<M extends AnyStateMachine> {
  executionName: string;
  executionArn: string;
  result: ExecutionResult<MachineOutput<M>>;
}

/** Where a run writes its lines (console.log in the demo, a buffer in tests). */
export type Print = (line: string) => void;

/**
 * Runs `example` end to end through `session` and returns how the execution ended.
 * Workers are stopped and everything registered is deregistered, even when the run fails.
 */
export async function runExample<M extends AnyStateMachine>(
  session: Session,
  example: ExampleSpec<M>,
  print: Print = () => {},
): Promise<ExampleRun<M>> {
  const activities = example.activities ?? example.stateMachine.activities;
  const machine = session.stateMachine(
    example.stateMachine,
    example.roleArn ? { roleArn: example.roleArn } : {},
  );
  const workers: Worker[] = [];
  print(`== ${example.title}`);
  try {
    await session.registerActivities(activities);
    await machine.register({ activities: false });
    for (const activity of activitiesOf(activities)) {
      workers.push(await session.worker(activity, example.workerOptions).start());
    }
    const execution = await machine.start(example.input);
    print(`execution: ${execution.name}`);
    const result = await execution.wait(example.timeoutMs ? { timeoutMs: example.timeoutMs } : {});
    if (result.status === 'SUCCEEDED') print(`output: ${JSON.stringify(result.output)}`);
    else print(`status: ${result.status}, error: ${result.error}, cause: ${result.cause}`);
    return { executionName: execution.name, executionArn: execution.arn, result };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 5000 })));
    await machine.deregister();
    await session.deregisterActivities(activities);
  }
}
