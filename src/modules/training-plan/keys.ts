// The weights of a seat or cost key per municipality (decision 023): the order's participants, equal, the population
// or the headcount in the target professions — the last two from the staffing statistics as published (a figure the
// publication hides cannot be a key: the key is refused with the municipality named, never guessed).
import { ValidationError } from '../../platform/server/errors.ts';
import { publishedKeyFigures } from '../staffing/key-figures-lookup.service.ts';
import type { Weight } from './apportion.ts';
import type { CostKey, SeatKey } from './training-plan.contracts.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import type { TrainingPlanDeps } from './training-plan-scope.ts';

type Participants = readonly { organisationId: string; participants: number; name: string }[];

/**
 * Weights in the given order (municipalities by name), for the municipalities taking part in the order. `attending`
 * and `seats` are given by the caller (they are per occasion); the others are read here.
 */
export async function keyWeights(
  deps: TrainingPlanDeps,
  key: SeatKey | CostKey,
  participants: Participants,
  professions: readonly string[],
  path: string,
  perOccasion?: ReadonlyMap<string, number>,
): Promise<Weight[]> {
  const taking = participants.filter((p) => p.participants > 0);
  if (key === 'participants') return taking.map((p) => ({ id: p.organisationId, weight: p.participants }));
  if (key === 'equal') return taking.map((p) => ({ id: p.organisationId, weight: 1 }));
  if (key === 'attending' || key === 'seats') {
    return taking.map((p) => ({ id: p.organisationId, weight: perOccasion?.get(p.organisationId) ?? 0 }));
  }
  const figures = await publishedKeyFigures(
    deps.db,
    taking.map((p) => p.organisationId),
    professions,
  );
  const source = key === 'population' ? figures.inhabitants : figures.headcount;
  return taking.map((p) => {
    const v = source.get(p.organisationId);
    if (typeof v !== 'number') {
      throw new ValidationError([{ path, message: tm.keyUnavailable({ key, municipality: p.name }) }]);
    }
    return { id: p.organisationId, weight: Math.round(v) };
  });
}
