/**
 * @sfini/runtime: the AWS side of sfini.
 * @module
 */
export {};
