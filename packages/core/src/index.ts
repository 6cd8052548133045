/**
 * @sfini/core: a typed DSL for AWS Step Functions. Payloads are described with zod, paths and
 * Choice rules are checked at compile time, and machines emit Amazon States Language (ASL).
 * This package has no AWS SDK dependency.
 * @module
 */
export const VERSION = '0.1.0';
