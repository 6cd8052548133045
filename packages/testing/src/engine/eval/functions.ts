// The one place the engine takes its intrinsic-function and Choice-rule evaluators and the Step
// Functions JSONata functions from; they live in src/intrinsics and src/choice.
export { evaluateChoiceRule } from '../../choice/evaluate.js';
export { evaluateIntrinsic } from '../../intrinsics/evaluate.js';
export { awsJsonataFunctions } from '../../intrinsics/jsonata-functions.js';
