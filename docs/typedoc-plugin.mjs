// Names each module of the reference after the import specifier a user writes. typedoc would
// otherwise name an entry point by its path ("core/src/graph"), which is not how anyone
// imports it; naming them here keeps the packages' own module comments free of doc-tool syntax.
import { Converter, ReflectionKind } from 'typedoc';

/** Entry point path (relative to `packages/`, as typedoc guesses it) -> import specifier. */
const MODULE_NAMES = new Map([
  ['core/src', '@sfini/core'],
  ['core/src/graph', '@sfini/core/graph'],
  ['runtime/src', '@sfini/runtime'],
  ['testing/src', '@sfini/testing'],
]);

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const unnamed = [];
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const name = MODULE_NAMES.get(module.name);
      if (name === undefined) unnamed.push(module.name);
      else module.name = name;
    }
    if (unnamed.length > 0) {
      app.logger.error(`no import specifier for module(s) ${unnamed.join(', ')}: add them to MODULE_NAMES`);
    }
  });
}
