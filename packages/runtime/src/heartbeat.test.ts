// Proves heartbeatIntervalFor reads the heartbeat a machine asks of an activity: a third of the
// smallest static HeartbeatSeconds among the Tasks running it, nested ones included, unless the
// activity's own is smaller, and nothing when no Task sets one.
import { ActivityRegistration } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../test/asl-machine.js';
import { heartbeatIntervalFor } from './heartbeat.js';

const reg = new ActivityRegistration('hb-');
const resize = reg.activity('resize', { input: z.unknown() }, () => null);
const declared = reg.activity('declared', { input: z.unknown(), heartbeatSeconds: 3 }, () => null);
const other = reg.activity('other', { input: z.unknown() }, () => null);

/** A machine running `resize` in a plain Task, inside a Parallel branch and inside a Map. */
const machine = aslMachine(
  'heartbeats',
  (arnOf) => ({
    StartAt: 'top',
    States: {
      top: { Type: 'Task', Resource: arnOf(resize), HeartbeatSeconds: 60, Next: 'fan' },
      fan: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'inner',
            States: { inner: { Type: 'Task', Resource: arnOf(resize), HeartbeatSeconds: 30, End: true } },
          },
        ],
        Next: 'each',
      },
      each: {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'item',
          States: {
            item: { Type: 'Task', Resource: arnOf(resize), HeartbeatSeconds: 12, Next: 'dynamic' },
            dynamic: { Type: 'Task', Resource: arnOf(resize), HeartbeatSecondsPath: '$.hb', Next: 'else' },
            else: { Type: 'Task', Resource: arnOf(other), HeartbeatSeconds: 1, End: true },
          },
        },
        Next: 'declared',
      },
      declared: { Type: 'Task', Resource: arnOf(declared), HeartbeatSeconds: 600, End: true },
    },
  }),
  { activities: [resize, declared, other] },
);

describe('heartbeatIntervalFor', () => {
  it('takes a third of the smallest HeartbeatSeconds among the Tasks running the activity, nested ones too', () => {
    expect(heartbeatIntervalFor(machine, resize)).toBe(4000);
    expect(heartbeatIntervalFor(machine, other)).toBe(1000 / 3);
  });

  it("keeps the activity's own heartbeatSeconds when it is the smaller", () => {
    expect(heartbeatIntervalFor(machine, declared)).toBe(1000);
  });

  it('gives undefined when no Task of the machine sets a static HeartbeatSeconds for the activity', () => {
    const unrelated = reg.activity('unrelated', { input: z.unknown() }, () => null);
    expect(heartbeatIntervalFor(machine, unrelated)).toBeUndefined();
    const onlyPath = aslMachine('path', (arnOf) => ({
      StartAt: 'a',
      States: { a: { Type: 'Task', Resource: arnOf(unrelated), HeartbeatSecondsPath: '$.hb', End: true } },
    }));
    expect(heartbeatIntervalFor(onlyPath, unrelated)).toBeUndefined();
  });
});
