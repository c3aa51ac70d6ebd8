import type { SeedStep } from '../seed/types.ts';
import { demoJourney } from './demo.ts';
import { createJourney, departmentIds } from './queries.ts';
import { checkDefinition } from './validate.ts';

/** The demo bank's "Get a mortgage" journey, checked like any admin's. */
export const seed: SeedStep = async (app, result) => {
  const departments = await app.db.selectFrom('department').select(['id', 'name']).execute();
  const definition = checkDefinition(
    demoJourney(new Map(departments.map((row) => [row.name, row.id]))),
    await departmentIds(app.db),
  );
  await createJourney(app.db, definition, 'admin');
  result.notes.push(`Journey: "${definition.name}" with ${definition.stages.length} stages (#/journeys).`);
};
