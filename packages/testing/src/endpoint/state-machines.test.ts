// Proves the state-machine operations through the real SDK: CreateStateMachine (idempotent,
// conflicting, refusing invalid definitions with every problem), UpdateStateMachine, Describe,
// Delete and List, and tagging, each refusal answered with AWS's error name.
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { passDefinition, ROLE_ARN, rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint();

const create = (name: string, definition = passDefinition(), extra: Record<string, unknown> = {}) =>
  harness.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, ...extra }));

describe('CreateStateMachine', () => {
  it('creates a STANDARD machine by default and describes it back', async () => {
    const created = await create('orders');
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:orders');
    const described = await harness.sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }),
    );
    expect(described).toMatchObject({
      stateMachineArn: created.stateMachineArn,
      name: 'orders',
      status: 'ACTIVE',
      definition: passDefinition(),
      roleArn: ROLE_ARN,
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    });
    expect(described.creationDate?.getTime()).toBe(created.creationDate?.getTime());
  });

  it('is idempotent for the same name and definition, and conflicts when the definition differs', async () => {
    const first = await create('idem-machine');
    const again = await create('idem-machine', passDefinition(), {
      roleArn: 'arn:aws:iam::123456789012:role/other',
    });
    expect(again.stateMachineArn).toBe(first.stateMachineArn);
    expect(again.creationDate?.getTime()).toBe(first.creationDate?.getTime());

    const conflict = await rejectionOf(create('idem-machine', passDefinition({ other: 1 })));
    expect(conflict.name).toBe('StateMachineAlreadyExists');
    expect(conflict.message).toContain(first.stateMachineArn!);
    const typeConflict = await rejectionOf(create('idem-machine', passDefinition(), { type: 'EXPRESS' }));
    expect(typeConflict.name).toBe('StateMachineAlreadyExists');
  });

  it('refuses invalid definitions with InvalidDefinition naming each problem', async () => {
    const notJson = await rejectionOf(create('broken-json', '{"StartAt": '));
    expect(notJson.name).toBe('InvalidDefinition');
    expect(notJson.message).toMatch(/^Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION/);

    const dangling = await rejectionOf(
      create('dangling', JSON.stringify({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } })),
    );
    expect(dangling.name).toBe('InvalidDefinition');
    expect(dangling.message).toContain('Missing');
    expect(dangling.$metadata?.httpStatusCode).toBe(400);
  });

  it('checks every member: missing ones are listed together, a bad type and a bad role ARN are refused', async () => {
    const missing = await rejectionOf(
      harness.sfn.send(
        new CreateStateMachineCommand({ name: undefined, definition: undefined, roleArn: undefined }),
      ),
    );
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toMatch(/^3 validation errors detected: /);
    for (const member of ['name', 'definition', 'roleArn'])
      expect(missing.message).toContain(`at '${member}'`);

    const badType = await rejectionOf(create('typed', passDefinition(), { type: 'FAST' }));
    expect(badType.name).toBe('ValidationException');
    expect(badType.message).toContain('Member must satisfy enum value set: [STANDARD, EXPRESS]');

    const badRole = await rejectionOf(create('roled', passDefinition(), { roleArn: 'admin' }));
    expect(badRole.name).toBe('InvalidArn');
    expect(badRole.message).toBe("Invalid Arn: 'Invalid ARN prefix: admin'");

    const badName = await rejectionOf(create('a/b'));
    expect(badName.name).toBe('InvalidName');
  });
});

describe('UpdateStateMachine', () => {
  it('replaces the definition and role and reports a revision id', async () => {
    const { stateMachineArn } = await create('updatable');
    const updated = await harness.sfn.send(
      new UpdateStateMachineCommand({ stateMachineArn, definition: passDefinition({ v: 2 }) }),
    );
    expect(updated.updateDate).toBeInstanceOf(Date);
    expect(updated.revisionId).toMatch(/^[0-9a-f-]{36}$/);
    const described = await harness.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described.definition).toBe(passDefinition({ v: 2 }));
    expect(described.revisionId).toBe(updated.revisionId);
    expect(described.roleArn).toBe(ROLE_ARN);
  });

  it('refuses an update with nothing to change, an invalid definition, and an unknown machine', async () => {
    const { stateMachineArn } = await create('update-errors');
    const nothing = await rejectionOf(harness.sfn.send(new UpdateStateMachineCommand({ stateMachineArn })));
    expect(nothing.name).toBe('MissingRequiredParameter');

    const invalid = await rejectionOf(
      harness.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: '[]' })),
    );
    expect(invalid.name).toBe('InvalidDefinition');
    const still = await harness.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(still.definition).toBe(passDefinition());

    const unknown = await rejectionOf(
      harness.sfn.send(
        new UpdateStateMachineCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:nobody',
          definition: passDefinition(),
        }),
      ),
    );
    expect(unknown.name).toBe('StateMachineDoesNotExist');
  });
});

describe('DeleteStateMachine, DescribeStateMachine and ListStateMachines', () => {
  it('deletes a machine; describing it then answers StateMachineDoesNotExist', async () => {
    const { stateMachineArn } = await create('doomed');
    await harness.sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
    const gone = await rejectionOf(harness.sfn.send(new DescribeStateMachineCommand({ stateMachineArn })));
    expect(gone.name).toBe('StateMachineDoesNotExist');
    expect(gone.message).toBe(`State Machine Does Not Exist: '${stateMachineArn}'`);

    const wrongKind = await rejectionOf(
      harness.sfn.send(
        new DescribeStateMachineCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:activity:x',
        }),
      ),
    );
    expect(wrongKind.name).toBe('InvalidArn');
  });

  it('lists machines in pages with their types', async () => {
    await create('list-a');
    await create('list-b', passDefinition(), { type: 'EXPRESS' });
    const all: { name?: string; type?: string }[] = [];
    let nextToken: string | undefined;
    do {
      const page = await harness.sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      all.push(...page.stateMachines!);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(all.find((m) => m.name === 'list-a')?.type).toBe('STANDARD');
    expect(all.find((m) => m.name === 'list-b')?.type).toBe('EXPRESS');
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
  });
});

describe('tags', () => {
  it('tags, lists and untags a state machine', async () => {
    const { stateMachineArn } = await create('tagged', passDefinition(), {
      tags: [{ key: 'env', value: 'dev' }],
    });
    await harness.sfn.send(
      new TagResourceCommand({
        resourceArn: stateMachineArn,
        tags: [
          { key: 'team', value: 'core' },
          { key: 'env', value: 'test' },
        ],
      }),
    );
    let listed = await harness.sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }));
    expect(listed.tags).toEqual([
      { key: 'env', value: 'test' },
      { key: 'team', value: 'core' },
    ]);
    await harness.sfn.send(
      new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['env', 'absent'] }),
    );
    listed = await harness.sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }));
    expect(listed.tags).toEqual([{ key: 'team', value: 'core' }]);
  });

  it('answers ResourceNotFound, InvalidArn and TooManyTags', async () => {
    const missing = await rejectionOf(
      harness.sfn.send(
        new ListTagsForResourceCommand({
          resourceArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:none',
        }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFound');
    const invalid = await rejectionOf(
      harness.sfn.send(new TagResourceCommand({ resourceArn: 'x', tags: [] })),
    );
    expect(invalid.name).toBe('InvalidArn');
    const { stateMachineArn } = await create('crowded');
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    const tooMany = await rejectionOf(
      harness.sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags })),
    );
    expect(tooMany.name).toBe('TooManyTags');
    const listed = await harness.sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }));
    expect(listed.tags).toEqual([]);
  });
});

describe('ValidateStateMachineDefinition', () => {
  it('answers OK for a valid definition and FAIL with diagnostics for an invalid one', async () => {
    const ok = await harness.sfn.send(
      new ValidateStateMachineDefinitionCommand({ definition: passDefinition() }),
    );
    expect(ok).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });

    const bad = await harness.sfn.send(
      new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify({ StartAt: 'X', States: {} }) }),
    );
    expect(bad.result).toBe('FAIL');
    expect(bad.diagnostics!.length).toBeGreaterThan(0);
    expect(bad.diagnostics![0]).toMatchObject({ severity: 'ERROR' });
    expect(bad.diagnostics![0]!.location).toMatch(/^\//);

    const missing = await rejectionOf(
      harness.sfn.send(new ValidateStateMachineDefinitionCommand({ definition: undefined })),
    );
    expect(missing.name).toBe('ValidationException');
  });

  // Accepted by AWS, but each of its states is flagged by one of the three documented warnings.
  const warned = JSON.stringify({
    StartAt: 'select',
    States: {
      select: { Type: 'Pass', Parameters: { 'id.$': '$.id', name: '$.name' }, Next: 'static' },
      static: { Type: 'Pass', Result: { 'copy.$': '$.id' }, Next: 'stop' },
      stop: { Type: 'Fail', Error: '$.error', Cause: "States.Format('{}', $.why)" },
    },
  });
  const validate = (definition: string, extra: Record<string, unknown> = {}) =>
    harness.sfn.send(new ValidateStateMachineDefinitionCommand({ definition, ...extra }));

  it('reports warnings only when severity is WARNING, and they never fail the definition', async () => {
    expect(await validate(warned)).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
    expect(await validate(warned, { severity: 'ERROR' })).toMatchObject({ result: 'OK', diagnostics: [] });
    const withWarnings = await validate(warned, { severity: 'WARNING' });
    expect(withWarnings.result).toBe('OK');
    expect(withWarnings.truncated).toBe(false);
    expect(withWarnings.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        code: 'NO_DOLLAR',
        location: '/States/select/Parameters/name',
      }),
      expect.objectContaining({
        severity: 'WARNING',
        code: 'PASS_RESULT_IS_STATIC',
        location: '/States/static/Result/copy.$',
      }),
      expect.objectContaining({ severity: 'WARNING', code: 'NO_PATH', location: '/States/stop/Error' }),
      expect.objectContaining({ severity: 'WARNING', code: 'NO_PATH', location: '/States/stop/Cause' }),
    ]);
    for (const diagnostic of withWarnings.diagnostics!) expect(diagnostic.message).not.toBe('');
  });

  it('lists errors before warnings, and cuts at maxResults with truncated set', async () => {
    const broken = JSON.parse(warned);
    broken.States.stop.Next = 'nowhere';
    broken.States.extra = { Type: 'Wait' };
    const text = JSON.stringify(broken);
    const all = await validate(text, { severity: 'WARNING' });
    expect(all.result).toBe('FAIL');
    const severities = all.diagnostics!.map((d) => d.severity);
    const errors = severities.filter((s) => s === 'ERROR').length;
    expect(errors).toBeGreaterThanOrEqual(2);
    expect(severities).toEqual([...Array(errors).fill('ERROR'), ...Array(4).fill('WARNING')]);
    expect(all.truncated).toBe(false);

    const cut = await validate(text, { severity: 'WARNING', maxResults: errors + 1 });
    expect(cut.result).toBe('FAIL');
    expect(cut.diagnostics).toEqual(all.diagnostics!.slice(0, errors + 1));
    expect(cut.truncated).toBe(true);
    const errorsOnly = await validate(text, { maxResults: 1 });
    expect(errorsOnly.diagnostics).toEqual(all.diagnostics!.slice(0, 1));
    expect(errorsOnly.truncated).toBe(true);
    // 0 means AWS's default of 100.
    expect(await validate(text, { severity: 'WARNING', maxResults: 0 })).toEqual(
      expect.objectContaining({ diagnostics: all.diagnostics, truncated: false }),
    );
    // Exactly as many as asked for is not truncated.
    const exact = await validate(text, { severity: 'WARNING', maxResults: all.diagnostics!.length });
    expect(exact.truncated).toBe(false);
  });

  it('refuses a maxResults or severity outside what AWS accepts', async () => {
    const tooMany = await rejectionOf(validate(warned, { maxResults: 101 }));
    expect(tooMany.name).toBe('ValidationException');
    expect(tooMany.message).toContain('maxResults');
    const badSeverity = await rejectionOf(validate(warned, { severity: 'INFO' }));
    expect(badSeverity.name).toBe('ValidationException');
    expect(badSeverity.message).toContain('severity');
  });

  it('gives no warnings for text that is not JSON, only the error', async () => {
    const notJson = await validate('{"StartAt": ', { severity: 'WARNING' });
    expect(notJson.result).toBe('FAIL');
    expect(notJson.diagnostics!.map((d) => d.severity)).toEqual(['ERROR']);
  });
});
