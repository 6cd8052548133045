// The CLI under test, as cli() builds it for a one-activity machine, run against the in-memory
// FakeSfn client with its output captured from the streams it is given: shared by the CLI's
// tests, one file per command group.
import { Readable } from 'node:stream';
import { ActivityRegistration } from '@sfini/core';
import { z } from 'zod';
import { cli } from '../src/cli/cli.js';
import { aslMachine } from './asl-machine.js';
import { FakeSfn } from './fake-sfn.js';

/** A CLI for machine 'myStateMachine' (one Task running activity 'myPackage-printActivity'). */
export function setup() {
  const fake = new FakeSfn();
  const activities = new ActivityRegistration('myPackage-');
  const print = activities.activity(
    'printActivity',
    { input: z.object({ message: z.string() }) },
    ({ message }) => message,
  );
  const machine = aslMachine(
    'myStateMachine',
    (arnOf) => ({ StartAt: 'print', States: { print: { Type: 'Task', Resource: arnOf(print), End: true } } }),
    { activities: [print], inputSchema: z.object({ message: z.string() }) },
  );
  const app = cli({
    stateMachine: machine,
    activities,
    roleArn: 'arn:aws:iam::111122223333:role/sfn',
    version: '1.0',
    program: 'my-app',
    session: { client: fake.client },
  });
  const run = async (argv: string[], extra: { stdin?: string; signal?: AbortSignal } = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await app.run(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      ...(extra.stdin !== undefined ? { stdin: Readable.from([extra.stdin]) } : {}),
      ...(extra.signal ? { signal: extra.signal } : {}),
      env: {},
    });
    return { code, stdout, stderr };
  };
  fake.overrides.set('StartExecution', (input) => ({
    executionArn: `${input.stateMachineArn.replace(':stateMachine:', ':execution:')}:${input.name}`,
  }));
  return { fake, run };
}
