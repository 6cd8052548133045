// State machine registration as AWS does it. CreateStateMachine is idempotent on the name plus
// everything that shapes behaviour (definition, type, logging, tracing): a repeat returns the
// first ARN and ignores a new role or tags, while a repeat that differs is a conflict
// (StateMachineAlreadyExists). Updates replace the revision; executions already running keep
// the revision they started with. Versions and aliases are not modelled: `publish` is refused.
import { randomUUID } from 'node:crypto';
import { stateMachineArn } from '@sfini/core';
import { checkArn, checkResourceName } from './arns.js';
import { assertValidDefinition, MAX_DEFINITION_LENGTH } from './definitions.js';
import { ApiError, invalidArn, stateMachineDoesNotExist } from './errors.js';
import type { OperationHandler } from './http.js';
import { MAX_PAGE_SIZE, paginate } from './pagination.js';
import { RequestReader } from './request-reader.js';
import type { EndpointState, StateMachineRecord, StateMachineType } from './state.js';
import { applyTags } from './tags.js';

const TYPES = ['STANDARD', 'EXPRESS'] as const;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const DEFAULT_LOGGING = { level: 'OFF', includeExecutionData: false } as const;
const DEFAULT_TRACING = { enabled: false } as const;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkRoleArn(roleArn: string): void {
  if (!roleArn.startsWith('arn:')) throw invalidArn(`Invalid ARN prefix: ${roleArn}`);
  if (!ROLE_ARN.test(roleArn))
    throw invalidArn(`${roleArn} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)`);
}

function refusePublish(publish: boolean | undefined, versionDescription: string | undefined): void {
  if (publish) {
    throw new ApiError(
      'ValidationException',
      'Publishing state machine versions is not supported by the local endpoint',
    );
  }
  if (versionDescription !== undefined) {
    throw new ApiError('ValidationException', 'Version description can only be set when publish is true');
  }
}

/** Looks up a state machine by ARN, checking the ARN first. */
export function findStateMachine(state: EndpointState, arn: string): StateMachineRecord {
  checkArn(arn, ['stateMachine']);
  const record = state.stateMachines.get(arn);
  if (!record) throw stateMachineDoesNotExist(arn);
  return record;
}

/** The DescribeStateMachine body of a record. */
export function describeStateMachine(record: StateMachineRecord) {
  const { revision } = record;
  return {
    stateMachineArn: record.arn,
    name: record.name,
    status: 'ACTIVE',
    definition: revision.definition,
    roleArn: revision.roleArn,
    type: record.type,
    creationDate: record.creationDate,
    loggingConfiguration: revision.loggingConfiguration,
    tracingConfiguration: revision.tracingConfiguration,
    revisionId: revision.revisionId,
  };
}

/** CreateStateMachine, UpdateStateMachine, DeleteStateMachine, DescribeStateMachine, ListStateMachines. */
export function stateMachineOperations(state: EndpointState): Record<string, OperationHandler> {
  return {
    CreateStateMachine(body) {
      const reader = new RequestReader(body);
      const name = reader.string('name', { required: true, min: 1, max: 80 });
      const definition = reader.string('definition', { required: true, min: 1, max: MAX_DEFINITION_LENGTH });
      const roleArn = reader.string('roleArn', { required: true, min: 1, max: 256 });
      const type: StateMachineType = reader.enumOf('type', TYPES) ?? 'STANDARD';
      const loggingConfiguration = reader.object('loggingConfiguration') ?? DEFAULT_LOGGING;
      const tracingConfiguration = reader.object('tracingConfiguration') ?? DEFAULT_TRACING;
      const tags = reader.tags('tags');
      const publish = reader.boolean('publish');
      const versionDescription = reader.string('versionDescription', { max: 256 });
      reader.object('encryptionConfiguration');
      reader.done();
      checkResourceName(name);
      checkRoleArn(roleArn);
      refusePublish(publish, versionDescription);

      const arn = stateMachineArn(name, state.scope);
      const existing = state.stateMachines.get(arn);
      if (existing) {
        const same =
          existing.type === type &&
          existing.revision.definition === definition &&
          sameJson(existing.revision.loggingConfiguration, loggingConfiguration) &&
          sameJson(existing.revision.tracingConfiguration, tracingConfiguration);
        if (!same) throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
        return { stateMachineArn: arn, creationDate: existing.creationDate };
      }
      assertValidDefinition(definition);
      const creationDate = new Date();
      const record: StateMachineRecord = {
        arn,
        name,
        type,
        creationDate,
        seq: state.nextSeq(),
        revision: {
          definition,
          roleArn,
          loggingConfiguration,
          tracingConfiguration,
          revisionId: undefined,
          updateDate: creationDate,
        },
      };
      applyTags(state, arn, tags);
      state.stateMachines.set(arn, record);
      return { stateMachineArn: arn, creationDate };
    },

    UpdateStateMachine(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('stateMachineArn', { required: true, min: 1, max: 256 });
      const definition = reader.string('definition', { min: 1, max: MAX_DEFINITION_LENGTH });
      const roleArn = reader.string('roleArn', { min: 1, max: 256 });
      const loggingConfiguration = reader.object('loggingConfiguration');
      const tracingConfiguration = reader.object('tracingConfiguration');
      const publish = reader.boolean('publish');
      const versionDescription = reader.string('versionDescription', { max: 256 });
      reader.object('encryptionConfiguration');
      reader.done();
      const record = findStateMachine(state, arn);
      if (
        definition === undefined &&
        roleArn === undefined &&
        loggingConfiguration === undefined &&
        tracingConfiguration === undefined
      ) {
        throw new ApiError(
          'MissingRequiredParameter',
          'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
        );
      }
      if (roleArn !== undefined) checkRoleArn(roleArn);
      refusePublish(publish, versionDescription);
      if (definition !== undefined) assertValidDefinition(definition);
      const updateDate = new Date();
      const revisionId = randomUUID();
      const previous = record.revision;
      record.revision = {
        definition: definition ?? previous.definition,
        roleArn: roleArn ?? previous.roleArn,
        loggingConfiguration: loggingConfiguration ?? previous.loggingConfiguration,
        tracingConfiguration: tracingConfiguration ?? previous.tracingConfiguration,
        revisionId,
        updateDate,
      };
      return { updateDate, revisionId };
    },

    DeleteStateMachine(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('stateMachineArn', { required: true, min: 1, max: 256 });
      reader.done();
      checkArn(arn, ['stateMachine']);
      // Executions already running finish on the revision they started with, as on AWS.
      state.stateMachines.delete(arn);
      state.tags.delete(arn);
      return {};
    },

    DescribeStateMachine(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('stateMachineArn', { required: true, min: 1, max: 256 });
      reader.enumOf('includedData', ['ALL_DATA', 'METADATA_ONLY'] as const);
      reader.done();
      return describeStateMachine(findStateMachine(state, arn));
    },

    ListStateMachines(body) {
      const reader = new RequestReader(body);
      const maxResults = reader.integer('maxResults', 0, MAX_PAGE_SIZE);
      const nextToken = reader.string('nextToken', { min: 1, max: 1024 });
      reader.done();
      const all = [...state.stateMachines.values()];
      const page = paginate(all, (m) => m.seq, { maxResults, nextToken }, 'ListStateMachines');
      return {
        stateMachines: page.items.map((m) => ({
          stateMachineArn: m.arn,
          name: m.name,
          type: m.type,
          creationDate: m.creationDate,
        })),
        nextToken: page.nextToken,
      };
    },
  };
}
