// The local endpoint for end-to-end tests. While the endpoint cannot run executions yet (it
// answers StartExecution with UnknownOperationException), the tests that need executions are
// skipped with a message saying so, rather than failing for a part that has not landed.
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type LocalEndpoint, startLocalEndpoint } from '@sfini/testing';

// The SDK's notice about future Node versions says nothing about these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export { type LocalEndpoint, startLocalEndpoint };

async function probeExecutions(): Promise<boolean> {
  const endpoint = await startLocalEndpoint();
  const client = new SFNClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'probe', secretAccessKey: 'probe' },
  });
  try {
    await client.send(
      new StartExecutionCommand({
        stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:probe',
      }),
    );
    return true;
  } catch (error) {
    return (error as Error).name !== 'UnknownOperationException';
  } finally {
    client.destroy();
    await endpoint.close();
  }
}

/** True when the local endpoint runs executions (StartExecution is a known operation). */
export const endpointRunsExecutions = await probeExecutions();
if (!endpointRunsExecutions) {
  console.warn('end-to-end execution tests skipped: the local endpoint does not run executions yet');
}
