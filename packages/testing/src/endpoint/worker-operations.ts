// The operations activity workers call: GetActivityTask (a long poll held open until a task
// arrives, the poll ends, or the client leaves) and the three SendTask* answers, which also
// answer the tokens of `.waitForTaskToken` Tasks (routed by which side handed the token out). The payload
// rules are AWS's: outputs must be JSON of at most 256 KiB, error names at most 256 and causes
// at most 32,768 characters.
import { type JsonValue, MAX_CAUSE_LENGTH, MAX_ERROR_LENGTH } from '@sfini/core';
import { TaskTokenError, type TaskTokens } from '../engine/task/task-tokens.js';
import { PAYLOAD_LIMIT_BYTES } from '../engine/values/size.js';
import { findActivity } from './activities.js';
import { ApiError } from './errors.js';
import { DeliveryReply, type OperationHandler } from './http.js';
import { RequestReader } from './request-reader.js';
import type { EndpointState } from './state.js';
import type { ActivityTaskBroker } from './task-broker.js';

function readToken(reader: RequestReader): string {
  return reader.string('taskToken', { required: true, min: 1, max: 2048 });
}

/** Answers a callback token, turning the registry's refusal into AWS's API error. */
function answerCallback(answer: () => void): Record<string, never> {
  try {
    answer();
  } catch (error) {
    if (error instanceof TaskTokenError) throw new ApiError(error.code, error.message);
    throw error;
  }
  return {};
}

/** GetActivityTask, SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat. */
export function workerOperations(
  state: EndpointState,
  broker: ActivityTaskBroker,
  callbacks: TaskTokens,
  pollTimeoutMs: number,
): Record<string, OperationHandler> {
  return {
    async GetActivityTask(body, call) {
      const reader = new RequestReader(body);
      const arn = reader.string('activityArn', { required: true, min: 1, max: 256 });
      const workerName = reader.string('workerName', { min: 1, max: 80 });
      reader.done();
      findActivity(state, arn);
      const assignment = await broker.poll(arn, workerName, call.signal, pollTimeoutMs);
      if (!assignment) return {};
      return new DeliveryReply(assignment, (delivered) => {
        if (delivered) broker.confirmDelivery(assignment.taskToken);
        else broker.returnUndelivered(arn, assignment.taskToken);
      });
    },

    SendTaskSuccess(body) {
      const reader = new RequestReader(body);
      const token = readToken(reader);
      const output = reader.string('output', {
        required: true,
        max: PAYLOAD_LIMIT_BYTES,
        bytes: true,
        sensitive: true,
      });
      reader.done();
      let parsed: JsonValue;
      try {
        parsed = JSON.parse(output) as JsonValue;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new ApiError('InvalidOutput', `Invalid State Machine Execution Output: '${detail}'`);
      }
      if (callbacks.knows(token)) return answerCallback(() => callbacks.succeed(token, parsed));
      broker.succeed(token, parsed);
      return {};
    },

    SendTaskFailure(body) {
      const reader = new RequestReader(body);
      const token = readToken(reader);
      const error = reader.string('error', { max: MAX_ERROR_LENGTH, sensitive: true });
      const cause = reader.string('cause', { max: MAX_CAUSE_LENGTH, sensitive: true });
      reader.done();
      if (callbacks.knows(token)) return answerCallback(() => callbacks.fail(token, error, cause));
      broker.fail(token, { error, cause });
      return {};
    },

    SendTaskHeartbeat(body) {
      const reader = new RequestReader(body);
      const token = readToken(reader);
      reader.done();
      if (callbacks.knows(token)) return answerCallback(() => callbacks.heartbeat(token));
      broker.heartbeat(token);
      return {};
    },
  };
}
