// TestState over the engine's `testState`: the request members are checked as AWS checks them
// (sizes, enums), then handed over unchanged, since the engine takes the SDK's field names and
// answers with them. The engine's refusals carry the AWS error to answer with; an invalid
// definition is reported with every problem, as CreateStateMachine reports it.
import { InvalidDefinitionError } from '@sfini/core';
import { type TestStateOptions, testState } from '../engine/test-state/test-state.js';
import {
  type TestStateConfiguration,
  type TestStateMock,
  TestStateRequestError,
} from '../engine/test-state/types.js';
import { PAYLOAD_LIMIT_BYTES } from '../engine/values/size.js';
import { MAX_DEFINITION_LENGTH } from './definitions.js';
import { ApiError, invalidDefinition } from './errors.js';
import type { OperationHandler } from './http.js';
import { RequestReader } from './request-reader.js';

/** TestState. `options` are the endpoint's Lambda handlers, for Task states that name one. */
export function testStateOperations(options: TestStateOptions = {}): Record<string, OperationHandler> {
  return {
    async TestState(body) {
      const reader = new RequestReader(body);
      const definition = reader.string('definition', { required: true, min: 1, max: MAX_DEFINITION_LENGTH });
      const roleArn = reader.string('roleArn', { min: 1, max: 256 });
      const input = reader.string('input', { max: PAYLOAD_LIMIT_BYTES, bytes: true, sensitive: true });
      const inspectionLevel = reader.enumOf('inspectionLevel', ['INFO', 'DEBUG', 'TRACE'] as const);
      const revealSecrets = reader.boolean('revealSecrets');
      const variables = reader.string('variables', {
        max: PAYLOAD_LIMIT_BYTES,
        bytes: true,
        sensitive: true,
      });
      const stateName = reader.string('stateName', { min: 1, max: 80 });
      const mock = reader.object('mock') as TestStateMock | undefined;
      const context = reader.string('context', { max: PAYLOAD_LIMIT_BYTES, bytes: true, sensitive: true });
      const stateConfiguration = reader.object('stateConfiguration') as TestStateConfiguration | undefined;
      reader.done();
      try {
        return await testState(
          {
            definition,
            roleArn,
            input,
            inspectionLevel,
            revealSecrets,
            variables,
            stateName,
            mock,
            context,
            stateConfiguration,
          },
          options,
        );
      } catch (error) {
        if (error instanceof TestStateRequestError) throw new ApiError(error.code, error.message);
        if (error instanceof InvalidDefinitionError) {
          throw invalidDefinition(error.problems);
        }
        throw error;
      }
    },
  };
}
