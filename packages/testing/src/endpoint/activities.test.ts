// Proves the endpoint's activity operations through the real SDK: CreateActivity (idempotent by
// name, AWS's name and tag rules), DescribeActivity, DeleteActivity and ListActivities (pages that
// miss and repeat nothing), each refusal answered with AWS's error name.
import {
  CreateActivityCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  ListActivitiesCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint();

describe('CreateActivity', () => {
  it('creates an activity with an ARN in the endpoint region and account', async () => {
    const before = Date.now();
    const created = await harness.sfn.send(new CreateActivityCommand({ name: 'resize' }));
    expect(created.activityArn).toBe('arn:aws:states:us-east-1:123456789012:activity:resize');
    expect(created.creationDate).toBeInstanceOf(Date);
    expect(created.creationDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('is idempotent by name: the same ARN and creation date, new tags ignored', async () => {
    const first = await harness.sfn.send(
      new CreateActivityCommand({ name: 'idem', tags: [{ key: 'team', value: 'a' }] }),
    );
    const second = await harness.sfn.send(
      new CreateActivityCommand({ name: 'idem', tags: [{ key: 'team', value: 'b' }] }),
    );
    expect(second.activityArn).toBe(first.activityArn);
    expect(second.creationDate?.getTime()).toBe(first.creationDate?.getTime());
    const tags = await harness.sfn.send(new ListTagsForResourceCommand({ resourceArn: first.activityArn }));
    expect(tags.tags).toEqual([{ key: 'team', value: 'a' }]);
  });

  it('refuses names with characters AWS rejects (InvalidName) and lengths out of range (ValidationException)', async () => {
    const badChar = await rejectionOf(harness.sfn.send(new CreateActivityCommand({ name: 'has space' })));
    expect(badChar.name).toBe('InvalidName');
    expect(badChar.message).toContain('has space');
    expect(badChar.$metadata?.httpStatusCode).toBe(400);

    const tooLong = await rejectionOf(harness.sfn.send(new CreateActivityCommand({ name: 'a'.repeat(81) })));
    expect(tooLong.name).toBe('ValidationException');
    expect(tooLong.message).toContain(
      "at 'name' failed to satisfy constraint: Member must have length less than or equal to 80",
    );

    const missing = await rejectionOf(harness.sfn.send(new CreateActivityCommand({ name: undefined })));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('refuses more than 50 tags with TooManyTags', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const error = await rejectionOf(harness.sfn.send(new CreateActivityCommand({ name: 'tagged', tags })));
    expect(error.name).toBe('TooManyTags');
    const described = await rejectionOf(
      harness.sfn.send(
        new DescribeActivityCommand({ activityArn: 'arn:aws:states:us-east-1:123456789012:activity:tagged' }),
      ),
    );
    expect(described.name).toBe('ActivityDoesNotExist');
  });
});

describe('DescribeActivity and DeleteActivity', () => {
  it('describes, deletes, and then answers ActivityDoesNotExist', async () => {
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'short-lived' }));
    const described = await harness.sfn.send(new DescribeActivityCommand({ activityArn }));
    expect(described).toMatchObject({ activityArn, name: 'short-lived' });
    expect(described.creationDate).toBeInstanceOf(Date);

    await harness.sfn.send(new DeleteActivityCommand({ activityArn }));
    const gone = await rejectionOf(harness.sfn.send(new DescribeActivityCommand({ activityArn })));
    expect(gone.name).toBe('ActivityDoesNotExist');
    expect(gone.message).toContain(activityArn!);
    // Deleting what does not exist succeeds, as on AWS.
    await expect(harness.sfn.send(new DeleteActivityCommand({ activityArn }))).resolves.toBeDefined();
  });

  it('answers InvalidArn for malformed ARNs and ARNs of another resource type', async () => {
    const malformed = await rejectionOf(
      harness.sfn.send(new DescribeActivityCommand({ activityArn: 'nope' })),
    );
    expect(malformed.name).toBe('InvalidArn');
    expect(malformed.message).toContain('nope');

    const wrongType = await rejectionOf(
      harness.sfn.send(
        new DescribeActivityCommand({ activityArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m' }),
      ),
    );
    expect(wrongType.name).toBe('InvalidArn');
    expect(wrongType.message).toBe("Invalid Arn: 'Resource type not valid in this context: statemachine'");

    const deleteMalformed = await rejectionOf(
      harness.sfn.send(new DeleteActivityCommand({ activityArn: 'arn:aws:states:us-east-1:1:activity:x' })),
    );
    expect(deleteMalformed.name).toBe('InvalidArn');
  });
});

describe('ListActivities', () => {
  it('pages through every activity exactly once with maxResults and nextToken', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `page-${i}`);
    for (const name of names) await harness.sfn.send(new CreateActivityCommand({ name }));

    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await harness.sfn.send(new ListActivitiesCommand({ maxResults: 3, nextToken }));
      expect(page.activities!.length).toBeLessThanOrEqual(3);
      seen.push(...page.activities!.map((a) => a.name!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);

    const listed = seen.filter((n) => n.startsWith('page-'));
    expect(listed).toEqual(names);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('refuses a token it did not issue and a maxResults above 1000', async () => {
    const badToken = await rejectionOf(harness.sfn.send(new ListActivitiesCommand({ nextToken: 'garbage' })));
    expect(badToken.name).toBe('InvalidToken');
    const tooMany = await rejectionOf(harness.sfn.send(new ListActivitiesCommand({ maxResults: 1001 })));
    expect(tooMany.name).toBe('ValidationException');
    expect(tooMany.message).toContain('Member must have value less than or equal to 1000');
  });
});
