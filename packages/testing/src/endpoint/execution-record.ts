// Placeholder for the execution record, completed with the execution operations.
export interface ExecutionRecord {
  readonly arn: string;
}
