// The package's public surface is the engine, TestState, the clocks, the endpoint and their types;
// the evaluators it is built from (Choice rules, intrinsic functions) and their scopes and error
// constants stay internal, so they can change with the engine.
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@sfini/testing public API', () => {
  it('exports the runtime values callers use, and none of the internal evaluators', () => {
    expect(Object.keys(api).sort()).toEqual([
      'MAX_HISTORY_EVENTS',
      'MachineTestSetupError',
      'MockSetupError',
      'NOT_HANDLED',
      'PAYLOAD_LIMIT_BYTES',
      'RealClock',
      'StatesErrors',
      'TaskFailedError',
      'TaskNotScheduledError',
      'TaskTokenError',
      'TestStateRequestError',
      'VirtualClock',
      'answer',
      'runExecution',
      'runMachine',
      'startExecution',
      'startLocalEndpoint',
      'testState',
    ]);
  });
});
