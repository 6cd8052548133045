// What a Task's Resource names decides which history events AWS records for it: an activity
// (ActivityScheduled...), a Lambda function by ARN (LambdaFunctionScheduled...), or a service
// integration `arn:aws:states:::service:action[.sync|.waitForTaskToken]` (TaskScheduled...).

export type ResourceKind =
  | { readonly kind: 'activity'; readonly name: string; readonly arn: string }
  | { readonly kind: 'lambda'; readonly functionName: string; readonly arn: string }
  | {
      readonly kind: 'service';
      readonly service: string;
      /** The action with its suffix, e.g. 'invoke' or 'startExecution.sync'. */
      readonly action: string;
      readonly pattern: 'request-response' | 'sync' | 'waitForTaskToken';
      readonly arn: string;
    };

const ACTIVITY = /^arn:[a-z-]+:states:[^:]*:[^:]*:activity:(.+)$/;
const LAMBDA = /^arn:[a-z-]+:lambda:[^:]*:[^:]*:function:([^:]+)(:.*)?$/;
const SERVICE = /^arn:[a-z-]+:states:[^:]*:[^:]*:([^:]+):(.+)$/;

/** Classifies a Task's Resource. Anything unrecognised is treated as a service integration. */
export function classifyResource(resource: string): ResourceKind {
  const activity = ACTIVITY.exec(resource);
  if (activity) return { kind: 'activity', name: activity[1]!, arn: resource };
  const lambda = LAMBDA.exec(resource);
  if (lambda) return { kind: 'lambda', functionName: lambda[1]!, arn: resource };
  const service = SERVICE.exec(resource);
  const serviceName = service ? service[1]! : 'unknown';
  const action = service ? service[2]! : resource;
  const pattern = action.endsWith('.waitForTaskToken')
    ? 'waitForTaskToken'
    : action.endsWith('.sync') || action.includes('.sync:')
      ? 'sync'
      : 'request-response';
  return { kind: 'service', service: serviceName, action, pattern, arn: resource };
}

/** The function name a Lambda reference (name, partial or full ARN) designates. */
export function lambdaFunctionName(reference: string): string {
  const match = /(?:^|:function:)([^:]+)(?::[^:]+)?$/.exec(reference);
  return match ? match[1]! : reference;
}
