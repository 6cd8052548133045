// Activity registration as AWS does it: CreateActivity is idempotent by name (a second call
// returns the first ARN and creation date and ignores new tags), DeleteActivity of an unknown
// activity succeeds, and lookups of a well-formed but unknown ARN answer ActivityDoesNotExist.
import { activityArn } from '@sfini/core';
import { checkArn, checkResourceName } from './arns.js';
import { ApiError, activityDoesNotExist } from './errors.js';
import type { OperationHandler } from './http.js';
import { MAX_PAGE_SIZE, paginate } from './pagination.js';
import { RequestReader } from './request-reader.js';
import type { ActivityRecord, EndpointState } from './state.js';
import { applyTags } from './tags.js';

const DEFAULT_ENCRYPTION = { type: 'AWS_OWNED_KEY' } as const;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Looks up an activity by ARN, checking the ARN first. */
export function findActivity(state: EndpointState, arn: string): ActivityRecord {
  checkArn(arn, ['activity']);
  const record = state.activities.get(arn);
  if (!record) throw activityDoesNotExist(arn);
  return record;
}

/** CreateActivity, DeleteActivity, DescribeActivity and ListActivities. */
export function activityOperations(state: EndpointState): Record<string, OperationHandler> {
  return {
    CreateActivity(body) {
      const reader = new RequestReader(body);
      const name = reader.string('name', { required: true, min: 1, max: 80 });
      const tags = reader.tags('tags');
      const encryptionConfiguration = reader.object('encryptionConfiguration') ?? DEFAULT_ENCRYPTION;
      reader.done();
      checkResourceName(name);
      const arn = activityArn(name, state.scope);
      const existing = state.activities.get(arn);
      if (existing) {
        if (!sameJson(existing.encryptionConfiguration, encryptionConfiguration)) {
          throw new ApiError(
            'ActivityAlreadyExists',
            `Activity already exists with a different encryption configuration: '${arn}'`,
          );
        }
        return { activityArn: arn, creationDate: existing.creationDate };
      }
      const record: ActivityRecord = {
        arn,
        name,
        creationDate: new Date(),
        encryptionConfiguration,
        seq: state.nextSeq(),
      };
      applyTags(state, arn, tags);
      state.activities.set(arn, record);
      return { activityArn: arn, creationDate: record.creationDate };
    },

    DeleteActivity(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('activityArn', { required: true, min: 1, max: 256 });
      reader.done();
      checkArn(arn, ['activity']);
      state.activities.delete(arn);
      state.tags.delete(arn);
      return {};
    },

    DescribeActivity(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('activityArn', { required: true, min: 1, max: 256 });
      reader.done();
      const record = findActivity(state, arn);
      return {
        activityArn: record.arn,
        name: record.name,
        creationDate: record.creationDate,
        encryptionConfiguration: record.encryptionConfiguration,
      };
    },

    ListActivities(body) {
      const reader = new RequestReader(body);
      const maxResults = reader.integer('maxResults', 0, MAX_PAGE_SIZE);
      const nextToken = reader.string('nextToken', { min: 1, max: 1024 });
      reader.done();
      const page = paginate(
        [...state.activities.values()],
        (a) => a.seq,
        { maxResults, nextToken },
        'ListActivities',
      );
      return {
        activities: page.items.map((a) => ({
          activityArn: a.arn,
          name: a.name,
          creationDate: a.creationDate,
        })),
        nextToken: page.nextToken,
      };
    },
  };
}
