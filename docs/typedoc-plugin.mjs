// Names each module of the reference after the import specifier a user writes, and holds the
// modules in EXAMPLES_REQUIRED to more than a summary. typedoc would otherwise name an entry point
// by its path ("core/src/graph"), which is not how anyone imports it; naming them here keeps the
// packages' own module comments free of doc-tool syntax. typedoc's own validation only asks that
// a comment exists; a reader of a function also needs its parameters explained and an example to
// start from, so that is checked here, after typedoc has moved each `@param` onto its parameter.
import { Application, Converter, ReflectionKind } from 'typedoc';

/** Entry point path (relative to `packages/`, as typedoc guesses it) -> import specifier. */
const MODULE_NAMES = new Map([
  ['core/src', '@sfini/core'],
  ['core/src/graph', '@sfini/core/graph'],
  ['runtime/src', '@sfini/runtime'],
  ['testing/src', '@sfini/testing'],
]);

/**
 * Modules (every module of the reference) whose public functions and classes must carry an `@example`, and whose functions and
 * class methods must describe every parameter. Interfaces, type aliases and variables of these
 * modules need their summary only (typedoc's `notDocumented` already asks for that).
 */
export const EXAMPLES_REQUIRED = new Set(MODULE_NAMES.values());

const hasExample = (comment) => comment?.blockTags.some((tag) => tag.tag === '@example') ?? false;
const hasText = (parts) => (parts ?? []).some((part) => part.text.trim() !== '');

/**
 * Every way the direct children of `container` (a module, or a project of one entry point) fall
 * short of the rule above, one line per problem, each naming the offender by its full name.
 * @param {import('typedoc').ContainerReflection} container
 * @returns {string[]}
 */
export function missingUsageDocs(container) {
  const problems = [];
  const checkParameters = (reflection) => {
    for (const signature of reflection.signatures ?? []) {
      for (const parameter of signature.parameters ?? []) {
        // A `this` parameter types the receiver; callers pass no argument for it.
        if (parameter.name !== 'this' && !hasText(parameter.comment?.summary)) {
          problems.push(
            `${reflection.getFullName()}: parameter "${parameter.name}" has no @param description`,
          );
        }
      }
    }
  };
  for (const child of container.children ?? []) {
    if (child.kindOf(ReflectionKind.Function)) {
      const documented =
        hasExample(child.comment) || (child.signatures ?? []).some((s) => hasExample(s.comment));
      if (!documented) problems.push(`${child.getFullName()}: function has no @example`);
      checkParameters(child);
    } else if (child.kindOf(ReflectionKind.Class)) {
      if (!hasExample(child.comment)) problems.push(`${child.getFullName()}: class has no @example`);
      for (const member of child.children ?? []) {
        const own =
          member.inheritedFrom === undefined && !member.flags.isProtected && !member.flags.isPrivate;
        if (own && member.kindOf(ReflectionKind.Method | ReflectionKind.Constructor)) checkParameters(member);
      }
    }
  }
  return problems;
}

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
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const modules = project.getChildrenByKind(ReflectionKind.Module);
    const problems = modules.filter((module) => EXAMPLES_REQUIRED.has(module.name)).flatMap(missingUsageDocs);
    if (problems.length > 0) {
      app.logger.error(
        `${problems.length} public export(s) lack an @example or a @param description:\n  ${problems.join('\n  ')}`,
      );
    }
  });
}
