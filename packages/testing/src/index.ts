/**
 * @sfini/testing: a local AWS Step Functions engine.
 * @module
 */
export {};
