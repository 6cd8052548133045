// Tags belong to activities and state machines only, as on AWS. They are kept beside the
// records rather than in them so TagResource, UntagResource and ListTagsForResource share one
// lookup and the 50-tag limit is enforced in one place, creation included.
import { checkArn } from './arns.js';
import { ApiError, resourceNotFound } from './errors.js';
import type { OperationHandler } from './http.js';
import { type ApiTag, RequestReader } from './request-reader.js';
import type { EndpointState } from './state.js';

/** The most tags AWS lets a resource carry. */
export const MAX_TAGS_PER_RESOURCE = 50;

function tooManyTags(arn: string): ApiError {
  return new ApiError(
    'TooManyTags',
    `Too many tags: a resource can carry at most ${MAX_TAGS_PER_RESOURCE} tags ('${arn}')`,
  );
}

/**
 * Merges `tags` into the resource's tags (a key given again takes the new value).
 * @throws ApiError TooManyTags when the result would exceed the limit; nothing is changed then.
 */
export function applyTags(state: EndpointState, arn: string, tags: readonly ApiTag[]): void {
  const current = state.tags.get(arn) ?? new Map<string, string>();
  const next = new Map(current);
  for (const tag of tags) next.set(tag.key, tag.value);
  if (next.size > MAX_TAGS_PER_RESOURCE) throw tooManyTags(arn);
  state.tags.set(arn, next);
}

function taggableResource(state: EndpointState, reader: RequestReader): string {
  const arn = reader.string('resourceArn', { required: true, min: 1, max: 256 });
  reader.done();
  const { kind } = checkArn(arn, ['activity', 'stateMachine']);
  const exists = kind === 'activity' ? state.activities.has(arn) : state.stateMachines.has(arn);
  if (!exists) throw resourceNotFound(arn);
  return arn;
}

/** TagResource, UntagResource and ListTagsForResource. */
export function tagOperations(state: EndpointState): Record<string, OperationHandler> {
  return {
    TagResource(body) {
      const reader = new RequestReader(body);
      const tags = reader.tags('tags', true);
      const arn = taggableResource(state, reader);
      applyTags(state, arn, tags);
      return {};
    },
    UntagResource(body) {
      const reader = new RequestReader(body);
      const keys = reader.stringList('tagKeys', { required: true, item: { min: 1, max: 128 } });
      const arn = taggableResource(state, reader);
      const current = state.tags.get(arn);
      for (const key of keys) current?.delete(key);
      return {};
    },
    ListTagsForResource(body) {
      const arn = taggableResource(state, new RequestReader(body));
      const tags = [...(state.tags.get(arn) ?? new Map<string, string>())].map(([key, value]) => ({
        key,
        value,
      }));
      return { tags };
    },
  };
}
