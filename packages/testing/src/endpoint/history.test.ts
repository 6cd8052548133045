// Proves GetExecutionHistory through the real SDK: events as AWS records them (types, ids, links),
// pages in both directions that lose and repeat nothing, includeExecutionData=false, and AWS's
// errors for unknown executions, bad ARNs and foreign tokens.
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ARN, rejectionOf, startHarness } from '../../test/sdk-harness.js';

let harness: Awaited<ReturnType<typeof startHarness>>;
let executionArn: string;
let activityArn: string;

beforeAll(async () => {
  harness = await startHarness();
  ({ activityArn } = (await harness.sfn.send(new CreateActivityCommand({ name: 'double' }))) as {
    activityArn: string;
  });
  const definition = JSON.stringify({
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Next: 'Double' },
      Double: { Type: 'Task', Resource: activityArn, ResultPath: '$.doubled', Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  });
  const { stateMachineArn } = await harness.sfn.send(
    new CreateStateMachineCommand({ name: 'with-history', definition, roleArn: ROLE_ARN }),
  );
  ({ executionArn } = (await harness.sfn.send(
    new StartExecutionCommand({ stateMachineArn, name: 'h1', input: '{"n":21}' }),
  )) as { executionArn: string });
  const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'doubler' }));
  const { n } = JSON.parse(task.input!) as { n: number };
  await harness.sfn.send(
    new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify(n * 2) }),
  );
  for (let i = 0; i < 200; i++) {
    const { status } = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});
afterAll(async () => {
  await harness.close();
});

async function fullHistory(params: {
  reverseOrder?: boolean;
  maxResults?: number;
  includeExecutionData?: boolean;
}) {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await harness.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, ...params, nextToken }),
    );
    events.push(...page.events!);
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  return { events, pages };
}

describe('GetExecutionHistory', () => {
  it('returns the finished execution as AWS records it: event types, ids and links', async () => {
    const { events } = await fullHistory({});
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.previousEventId).toBe(0);
    for (const event of events.slice(1)) expect(event.previousEventId).toBeLessThan(event.id!);
    expect(events[0]!.timestamp).toBeInstanceOf(Date);
    expect(events[0]!.executionStartedEventDetails).toMatchObject({ input: '{"n":21}', roleArn: ROLE_ARN });
    const scheduled = events.find((e) => e.type === 'ActivityScheduled')!;
    expect(scheduled.activityScheduledEventDetails).toMatchObject({
      resource: activityArn,
      input: '{"n":21}',
    });
    const started = events.find((e) => e.type === 'ActivityStarted')!;
    expect(started.activityStartedEventDetails).toEqual({ workerName: 'doubler' });
    expect(events.at(-1)!.executionSucceededEventDetails?.output).toBe('{"n":21,"doubled":42}');
  });

  it('pages with maxResults and nextToken, forwards and in reverse, without losing or repeating events', async () => {
    const whole = await fullHistory({});
    const paged = await fullHistory({ maxResults: 3 });
    expect(paged.pages).toBe(Math.ceil(whole.events.length / 3));
    expect(paged.events.map((e) => e.id)).toEqual(whole.events.map((e) => e.id));

    const reversed = await fullHistory({ reverseOrder: true, maxResults: 4 });
    expect(reversed.events.map((e) => e.id)).toEqual(whole.events.map((e) => e.id).reverse());
  });

  it('leaves out inputs and outputs when includeExecutionData is false', async () => {
    const { events } = await fullHistory({ includeExecutionData: false });
    expect(events[0]!.executionStartedEventDetails).toEqual({ roleArn: ROLE_ARN });
    expect(events.at(-1)!.executionSucceededEventDetails?.output).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain('"input"');
  });

  it('answers ExecutionDoesNotExist, InvalidArn, and InvalidToken for a token of another query', async () => {
    const missing = await rejectionOf(
      harness.sfn.send(
        new GetExecutionHistoryCommand({
          executionArn: 'arn:aws:states:us-east-1:123456789012:execution:with-history:none',
        }),
      ),
    );
    expect(missing.name).toBe('ExecutionDoesNotExist');
    const invalid = await rejectionOf(
      harness.sfn.send(new GetExecutionHistoryCommand({ executionArn: 'x' })),
    );
    expect(invalid.name).toBe('InvalidArn');
    const forward = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2 }));
    const replayed = await rejectionOf(
      harness.sfn.send(
        new GetExecutionHistoryCommand({
          executionArn,
          maxResults: 2,
          reverseOrder: true,
          nextToken: forward.nextToken,
        }),
      ),
    );
    expect(replayed.name).toBe('InvalidToken');
  });
});
