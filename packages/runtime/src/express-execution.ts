// AWS keeps no record of an EXPRESS execution that DescribeExecution, GetExecutionHistory,
// StopExecution or RedriveExecution could read, so an EXPRESS start gets handles without those
// calls: the compiler, which knows the machine's type from `session.stateMachine(machine,
// { type: 'EXPRESS' })`, then rejects `wait()` or `historyEvents()` on one instead of letting
// the service answer InvalidArn at run time. A synchronous start returns the result itself.
import { type Execution, type ExecutionResult, executionNameOf, outputOf } from './execution.js';

/** STANDARD (durable, recorded, up to a year) or EXPRESS (at most 5 minutes, not recorded). */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** The types a state machine can have. */
export const STATE_MACHINE_TYPES: readonly StateMachineType[] = ['STANDARD', 'EXPRESS'];

/**
 * An execution of an EXPRESS machine, started asynchronously (StartExecution). It runs to its
 * end without a way to watch it through the API: follow it in the machine's CloudWatch Logs
 * (the `logging` option of `session.stateMachine`), or use `startSync()` to wait for the result.
 * @example
 * ```ts
 * const orders = session.stateMachine(ordersMachine, { type: 'EXPRESS' });
 * await orders.register();
 * const started = await orders.start({ orderId: '42' }); // an ExpressExecution
 * console.log(started.arn, started.startDate);
 * ```
 */
export class ExpressExecution {
  /** The execution's ARN (`arn:aws:states:<region>:<account>:express:<machine>:<name>:<id>`). */
  readonly arn: string;
  /** The execution's name. */
  readonly name: string;
  /** When it started, as StartExecution answered. */
  readonly startDate: Date | undefined;

  /**
   * @param executionArn the execution's ARN, as StartExecution answered it.
   * @param startDate when it started.
   */
  constructor(executionArn: string, startDate?: Date) {
    this.arn = executionArn;
    this.name = executionNameOf(executionArn);
    this.startDate = startDate;
  }
}

/**
 * A finished EXPRESS execution, as StartSyncExecution returned it.
 * @example
 * ```ts
 * const orders = session.stateMachine(ordersMachine, { type: 'EXPRESS' });
 * const done = await orders.startSync({ orderId: '42' });
 * if (done.result.status === 'SUCCEEDED') console.log(done.output);
 * else console.error(done.result.error, done.result.cause);
 * ```
 */
export class SyncExecution<Output = unknown> extends ExpressExecution {
  /** How it ended. */
  readonly result: ExecutionResult<Output>;

  /**
   * @param executionArn the execution's ARN.
   * @param result how it ended.
   */
  constructor(executionArn: string, result: ExecutionResult<Output>) {
    super(executionArn, result.startDate);
    this.result = result;
  }

  /**
   * The output of the succeeded execution.
   * @throws ExecutionNotSucceededError when it failed, timed out or was aborted.
   */
  get output(): Output {
    return outputOf(this.arn, this.result);
  }
}

/**
 * What `start()` returns for a machine of type `T`: an {@link Execution} to wait for and read
 * the history of for STANDARD, an {@link ExpressExecution} for EXPRESS, and either (narrow with
 * `instanceof`) when the type is only known at run time.
 */
export type StartedExecution<T extends StateMachineType, Output> = T extends 'EXPRESS'
  ? ExpressExecution
  : Execution<Output>;
