// The forecast's source of expected new specialists (specialist-supply.contracts.ts), set once by the composition root
// as the policies are. Without one the forecast has no specialist supply line.
import type { SpecialistSupplySource } from './specialist-supply.contracts.ts';

let source: SpecialistSupplySource | null = null;

export function provideSpecialistSupply(provider: SpecialistSupplySource): void {
  source = provider;
}

export function specialistSupplySource(): SpecialistSupplySource | null {
  return source;
}
