// Whatever a client sends, the endpoint answers with an AWS-shaped error and keeps serving:
// every case below is followed by a successful call on the same endpoint.

import { connect } from 'node:net';
import { CreateActivityCommand, ListActivitiesCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { rawCall, rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint({ maxRequestBytes: 64 * 1024 });

async function expectStillServing() {
  const listed = await harness.sfn.send(new ListActivitiesCommand({}));
  expect(Array.isArray(listed.activities)).toBe(true);
}

describe('protocol errors', () => {
  it('answers malformed JSON with SerializationException (400)', async () => {
    const answer = await rawCall(harness.endpoint.url, {
      target: 'AWSStepFunctions.CreateActivity',
      body: '{"name": ',
    });
    expect(answer.status).toBe(400);
    expect(answer.json?.__type).toBe('SerializationException');
    expect(String(answer.json?.message)).toContain('not valid JSON');
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    await expectStillServing();
  });

  it('answers a body that is JSON but not an object with SerializationException', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const answer = await rawCall(harness.endpoint.url, { target: 'AWSStepFunctions.ListActivities', body });
      expect(answer.status).toBe(400);
      expect(answer.json?.__type).toBe('SerializationException');
    }
    await expectStillServing();
  });

  it('answers a member of the wrong JSON type with SerializationException naming the member', async () => {
    const answer = await rawCall(harness.endpoint.url, {
      target: 'AWSStepFunctions.CreateActivity',
      body: JSON.stringify({ name: 42 }),
    });
    expect(answer.status).toBe(400);
    expect(answer.json?.__type).toBe('SerializationException');
    expect(String(answer.json?.message)).toContain("'name'");
    await expectStillServing();
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const unknown = await rawCall(harness.endpoint.url, {
      target: 'AWSStepFunctions.LaunchRocket',
      body: '{}',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('LaunchRocket'),
    });
    const otherService = await rawCall(harness.endpoint.url, {
      target: 'DynamoDB_20120810.ListTables',
      body: '{}',
    });
    expect(otherService.json?.__type).toBe('UnknownOperationException');
    await expectStillServing();
  });

  it('answers a request without X-Amz-Target with UnknownOperationException', async () => {
    const answer = await rawCall(harness.endpoint.url, { body: '{}' });
    expect(answer.status).toBe(400);
    expect(answer.json?.__type).toBe('UnknownOperationException');
    expect(String(answer.json?.message)).toContain('X-Amz-Target');
    await expectStillServing();
  });

  it('answers a method other than POST with 405', async () => {
    const answer = await rawCall(harness.endpoint.url, {
      method: 'GET',
      target: 'AWSStepFunctions.ListActivities',
    });
    expect(answer.status).toBe(405);
    expect(answer.json?.__type).toBe('UnknownOperationException');
    await expectStillServing();
  });

  it('answers an oversized body with 413 ValidationException, through raw HTTP and through the SDK', async () => {
    const big = JSON.stringify({ name: 'x', padding: 'p'.repeat(100 * 1024) });
    const answer = await rawCall(harness.endpoint.url, {
      target: 'AWSStepFunctions.CreateActivity',
      body: big,
    });
    expect(answer.status).toBe(413);
    expect(answer.json?.__type).toBe('ValidationException');
    expect(String(answer.json?.message)).toContain(`at most ${64 * 1024} bytes`);
    expect(answer.headers.get('connection')).toBe('close');

    const viaSdk = await rejectionOf(
      harness.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:any',
          input: JSON.stringify({ blob: 'b'.repeat(200 * 1024) }),
        }),
      ),
    );
    expect(viaSdk.name).toBe('ValidationException');
    expect(viaSdk.$metadata?.httpStatusCode).toBe(413);
    await expectStillServing();
  });

  it('answers a body declared larger than the limit at once, without reading it, and closes', async () => {
    const { port } = harness.endpoint;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        // Declares 10 MiB, sends a few bytes and waits: the answer must not wait for the rest.
        socket.write(
          'POST / HTTP/1.1\r\nHost: local\r\nX-Amz-Target: AWSStepFunctions.ListActivities\r\n' +
            'Content-Type: application/x-amz-json-1.0\r\nContent-Length: 10485760\r\n\r\n{"a":',
        );
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('end', () => {
        socket.destroy();
        resolve(data);
      });
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply).toContain('"__type":"ValidationException"');
    await expectStillServing();
  });

  it('answers bytes that are not HTTP with 400 and keeps serving', async () => {
    const { port } = harness.endpoint;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await expectStillServing();
  });

  it('keeps serving after a burst of bad requests on one keep-alive client', async () => {
    const bad = Array.from({ length: 20 }, (_, i) =>
      rawCall(harness.endpoint.url, { target: 'AWSStepFunctions.CreateActivity', body: i % 2 ? '{' : '[' }),
    );
    const answers = await Promise.all(bad);
    expect(answers.every((a) => a.status === 400)).toBe(true);
    const created = await harness.sfn.send(new CreateActivityCommand({ name: 'after-burst' }));
    expect(created.activityArn).toContain(':activity:after-burst');
    expect(harness.logger.errors).toEqual([]);
  });
});
