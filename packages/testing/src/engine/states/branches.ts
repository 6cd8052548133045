// Parallel branches and Map iterations are threads of the same execution: each gets its own
// variable scope (reading the enclosing ones), its own chain of history events, and a signal
// that stops it when a sibling fails or the execution ends.
import type { JsonValue } from '@sfini/core';
import type { CompiledGraph } from '../compile/model.js';
import { VariableScope } from '../eval/scope.js';
import { runGraph } from '../run/interpreter.js';
import { type Runtime, Thread } from '../run/runtime.js';

/** A child thread of `parent`, chaining its events from `previousEventId`. */
export function childThread(
  parent: Thread,
  previousEventId: number,
  signal: AbortSignal,
  runtime: Runtime = parent.runtime,
): Thread {
  return new Thread(runtime, new VariableScope(parent.variables), previousEventId, signal);
}

/** Runs a graph in a child thread. */
export function runChild(graph: CompiledGraph, input: JsonValue, thread: Thread): Promise<JsonValue> {
  return runGraph(graph, input, thread);
}

/** An AbortController that also aborts when `parent` does. */
export function linkedController(parent: AbortSignal): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, dispose: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, dispose: () => parent.removeEventListener('abort', onAbort) };
}
