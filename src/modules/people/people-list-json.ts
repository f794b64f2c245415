// The person list's JSON (GET /people/persons): the hottest read of the register. The app's serializer validates
// every response with its zod schema before writing it; for a page of 50–100 persons that was 0.8 ms of the server's
// CPU per read (a UUID regular expression per id, a check per field: half of the list's own work in the profile,
// issue 14). The page is written by JSON.stringify from objects built here key by key from the contract's type, so
// nothing outside the contract can reach the answer (a key list given to JSON.stringify, the first way tried, left
// its fast path: 0.37 ms a page). The same bytes as the schema's serializer wrote (people-list-json.test.ts).
import type { PersonPageDto, PersonSummaryDto } from './people.contracts.ts';

const item = (p: PersonSummaryDto): PersonSummaryDto => ({
  id: p.id,
  organisationId: p.organisationId,
  municipalityName: p.municipalityName,
  firstName: p.firstName,
  lastName: p.lastName,
  employeeNumber: p.employeeNumber,
  unitId: p.unitId,
  unitName: p.unitName,
  professionKey: p.professionKey,
  employmentForm: p.employmentForm,
  employmentRate: p.employmentRate,
  employmentStart: p.employmentStart,
  employmentEnd: p.employmentEnd,
  current: p.current,
});

export function personPageJson(page: PersonPageDto): string {
  const out: PersonPageDto = {
    items: page.items.map(item),
    total: page.total,
    totalCapped: page.totalCapped,
    page: page.page,
    pageSize: page.pageSize,
  };
  return JSON.stringify(out);
}

/** A route's `serializerCompiler`: the list's 200 answer by personPageJson (any other answer as JSON). */
export function personPageSerializer({ httpStatus }: { httpStatus?: string }) {
  return httpStatus === '200' ? personPageJson : (data: unknown) => JSON.stringify(data);
}
