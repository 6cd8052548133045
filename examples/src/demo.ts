// `pnpm run demo`: builds the seed's five examples with the DSL and prints their ASL.
import { seedExamples } from './examples.js';

for (const example of seedExamples) {
  console.log(`== ${example.title} (${example.stateMachine.name})`);
  console.log(JSON.stringify(example.stateMachine.toDefinition(), null, 2));
  console.log();
}
