import { badRequest } from '../errors.ts';
import type { JourneyDefinitionT } from '../../common/api/journeys.ts';

// What the schema cannot say about a journey: it has stages, each stage says what the customer does, stage
// keys are unique (they are what overlays, links and versions refer to), and every backstage department
// exists and appears once per stage. Stages are an ordered list, so a journey cannot loop back on itself.

export function checkDefinition(
  definition: JourneyDefinitionT,
  departments: Map<string, { name: string; archived: boolean }>,
): JourneyDefinitionT {
  if (definition.stages.length === 0)
    throw badRequest('empty_journey', 'A journey needs at least one stage.');
  const keys = new Set<string>();
  definition.stages.forEach((stage, index) => {
    const where = `Stage ${index + 1} (“${stage.name}”)`;
    if (keys.has(stage.key))
      throw badRequest(
        'duplicate_stage_key',
        `${where} reuses the key “${stage.key}”; stage keys must be unique.`,
      );
    keys.add(stage.key);
    if (stage.customerActions.every((action) => action.trim() === ''))
      throw badRequest(
        'empty_stage',
        `${where} says nothing the customer does; add at least one customer action.`,
      );
    const seen = new Set<string>();
    for (const entry of stage.backstage) {
      const department = departments.get(entry.departmentId);
      if (!department)
        throw badRequest(
          'unknown_department',
          `${where} names a department that does not exist (${entry.departmentId}).`,
        );
      if (department.archived)
        throw badRequest(
          'department_archived',
          `${where} names ${department.name}, which is archived: take it out of the stage.`,
        );
      if (seen.has(entry.departmentId))
        throw badRequest('duplicate_department', `${where} lists the same department twice.`);
      seen.add(entry.departmentId);
    }
  });
  return tidy(definition);
}

/** Trims text and drops blank lines, so what is stored is what is shown. */
function tidy(definition: JourneyDefinitionT): JourneyDefinitionT {
  const lines = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);
  return {
    name: definition.name.trim(),
    description: definition.description.trim(),
    stages: definition.stages.map((stage) => ({
      key: stage.key,
      name: stage.name.trim(),
      customerActions: lines(stage.customerActions),
      frontstage: { actions: lines(stage.frontstage.actions), people: lines(stage.frontstage.people) },
      lineOfVisibility: stage.lineOfVisibility.trim(),
      backstage: stage.backstage.map((entry) => ({
        departmentId: entry.departmentId,
        actions: lines(entry.actions),
      })),
      systems: lines(stage.systems),
      policies: lines(stage.policies),
      touchpoints: lines(stage.touchpoints),
    })),
  };
}
