// Contracts of the population projections (befolkningsprognos): the age groups, the form's grid, the CSV import's
// preview and the limits, shared by the server and the web.

export const POPULATION_AGE_GROUPS = ['0-64', '65-79', '80+'] as const;
export type PopulationAgeGroup = (typeof POPULATION_AGE_GROUPS)[number];
