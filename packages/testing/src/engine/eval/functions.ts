// The one place the engine takes its intrinsic-function and Choice-rule evaluators from.
export { evaluateChoiceRule, evaluateIntrinsic } from './placeholders.js';
