// Activities on Step Functions are known by ARN, while code knows them by name. This directory
// keeps that mapping for a session: ARNs CreateActivity returned, or found by an exact-name
// lookup when another process registered them. Deregistering walks the names a registration
// owns and deletes exactly those; it never deletes by prefix, since an empty or shared prefix
// would take other people's activities with it.
import {
  CreateActivityCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  type DescribeActivityCommandOutput,
  ListActivitiesCommand,
  type Tag,
} from '@aws-sdk/client-sfn';
import type { AnyActivity } from '@sfini/core';
import { awsErrorName, NotRegisteredError } from './errors.js';
import type { Session } from './session.js';

/** Activities to register or deregister: a registration, or any list of activities. */
export type ActivitySource = { readonly activities: readonly AnyActivity[] } | readonly AnyActivity[];

/**
 * The activities of a source, in order.
 * @param source a registration (anything with an `activities` list) or a list of activities.
 * @example
 * ```ts
 * activitiesOf([increment]).map((activity) => activity.name); // ['increment']
 * ```
 */
export function activitiesOf(source: ActivitySource): readonly AnyActivity[] {
  return Array.isArray(source) ? source : (source as { activities: readonly AnyActivity[] }).activities;
}

/** What is registered for an activity, or undefined fields when it is not. */
export interface ActivityDescription {
  name: string;
  arn: string;
  creationDate: Date | undefined;
}

/** Options of {@link ActivityDirectory.register}. */
export interface RegisterActivitiesOptions {
  /** Tags for newly created activities. */
  tags?: Record<string, string>;
}

function toTags(tags: Record<string, string> | undefined): Tag[] | undefined {
  if (!tags) return undefined;
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

function uniqueByName(source: ActivitySource): AnyActivity[] {
  const byName = new Map<string, AnyActivity>();
  for (const activity of activitiesOf(source)) {
    const seen = byName.get(activity.name);
    if (seen && seen !== activity) {
      throw new Error(`two different activities are both named '${activity.name}'; names must be unique`);
    }
    byName.set(activity.name, activity);
  }
  return [...byName.values()];
}

/**
 * Activity names and ARNs known to a session; reached as `session.activities`.
 * @example
 * ```ts
 * const session = new Session({ endpoint: 'http://127.0.0.1:8083' });
 * await session.activities.register([increment]);
 * session.activities.known('increment'); // 'arn:aws:states:us-east-1:123456789012:activity:increment'
 * await session.activities.deregister([increment]); // ['increment']
 * ```
 */
export class ActivityDirectory {
  readonly #session: Session;
  readonly #arns = new Map<string, string>();

  /** @param session the session whose client makes the calls and which learns the account. */
  constructor(session: Session) {
    this.#session = session;
  }

  /**
   * The ARN already known for `name`, without any API call.
   * @param name the activity's name.
   */
  known(name: string): string | undefined {
    return this.#arns.get(name);
  }

  /** Every name-to-ARN pair known so far. */
  get knownArns(): ReadonlyMap<string, string> {
    return this.#arns;
  }

  /**
   * Creates each activity (CreateActivity is idempotent: an existing one returns its ARN).
   * @param source the activities to create: a registration or a list.
   * @param options tags for activities created now.
   * @returns activity names mapped to their ARNs.
   * @throws Error when two different activities share a name; the SDK's error on any API error.
   */
  async register(
    source: ActivitySource,
    options: RegisterActivitiesOptions = {},
  ): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const activity of uniqueByName(source)) {
      const tags = toTags(options.tags);
      const out = await this.#session.client.send(
        new CreateActivityCommand({ name: activity.name, ...(tags ? { tags } : {}) }),
      );
      const arn = out.activityArn!;
      this.#session.learnFromArn(arn);
      this.#arns.set(activity.name, arn);
      result.set(activity.name, arn);
    }
    return result;
  }

  /**
   * The ARN of `activity`: known from registration, else found by exact name.
   * @param activity the activity, or its name.
   * @throws NotRegisteredError when Step Functions has no activity of that name.
   */
  async arnOf(activity: AnyActivity | string): Promise<string> {
    const name = typeof activity === 'string' ? activity : activity.name;
    const found = (await this.lookup([name])).get(name);
    if (!found) throw new NotRegisteredError('activity', name);
    return found;
  }

  /**
   * Finds the ARNs of `names` (one listing for all unknown ones); missing names are absent.
   * @param names activity names, matched exactly.
   */
  async lookup(names: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const missing = new Set<string>();
    for (const name of names) {
      const arn = this.#arns.get(name);
      if (arn) result.set(name, arn);
      else missing.add(name);
    }
    let nextToken: string | undefined;
    while (missing.size > 0) {
      const page = await this.#session.client.send(
        new ListActivitiesCommand({ maxResults: 1000, nextToken }),
      );
      for (const item of page.activities ?? []) {
        if (item.name && item.activityArn && missing.has(item.name)) {
          missing.delete(item.name);
          this.#arns.set(item.name, item.activityArn);
          this.#session.learnFromArn(item.activityArn);
          result.set(item.name, item.activityArn);
        }
      }
      nextToken = page.nextToken;
      if (!nextToken) break;
    }
    return result;
  }

  /**
   * Describes each activity of `source`; unregistered ones are left out.
   * @param source a registration or a list of activities.
   */
  async describe(source: ActivitySource): Promise<ActivityDescription[]> {
    const out: ActivityDescription[] = [];
    for (const { name, arn } of await this.#registered(source)) {
      let described: DescribeActivityCommandOutput;
      try {
        described = await this.#session.client.send(new DescribeActivityCommand({ activityArn: arn }));
      } catch (error) {
        if (awsErrorName(error) === 'ActivityDoesNotExist') continue;
        throw error;
      }
      out.push({ name, arn, creationDate: described.creationDate });
    }
    return out;
  }

  /**
   * Deletes the activities of `source` and nothing else; absent ones are skipped.
   * @param source a registration or a list of activities.
   * @returns the names actually deleted.
   */
  async deregister(source: ActivitySource): Promise<string[]> {
    const deleted: string[] = [];
    for (const { name, arn } of await this.#registered(source)) {
      await this.#session.client.send(new DeleteActivityCommand({ activityArn: arn }));
      this.#arns.delete(name);
      deleted.push(name);
    }
    return deleted;
  }

  /** The activities of `source` that are registered, each with its ARN, in order. */
  async #registered(source: ActivitySource): Promise<{ name: string; arn: string }[]> {
    const activities = uniqueByName(source);
    const arns = await this.lookup(activities.map((a) => a.name));
    return activities.flatMap(({ name }) => {
      const arn = arns.get(name);
      return arn ? [{ name, arn }] : [];
    });
  }
}
