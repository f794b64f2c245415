// The forecast's specialist supply line against a worked example: training posts ending per year, profession and
// specialty summed over the municipalities, and the projected specialist share (today's specialists plus the new ones
// so far, over today's headcount). In the region's view small counts are hidden and cannot be worked back out.
import { describe, expect, it } from 'vitest';
import type { ProfessionStaff } from './forecast-model.ts';
import { specialistSupplyFrom } from './specialist-supply-line.ts';

const staff = (key: string, headcount: number, specialistHeadcount: number): ProfessionStaff => ({
  key,
  headcount,
  contractedFte: headcount,
  fullTimeHeadcount: headcount,
  ageBands: [],
  specialistHeadcount,
});
const config = {
  professions: [
    { id: 'p1', key: 'sjukskoterska' },
    { id: 'p2', key: 'arbetsterapeut' },
  ],
  items: [
    { kind: 'specialty', professionId: 'p1', key: 'vard_av_aldre', name: 'Vård av äldre' },
    { kind: 'specialty', professionId: 'p1', key: 'distrikt', name: 'Distriktssköterska' },
    { kind: 'specialty', professionId: 'p2', key: 'aldre', name: 'Äldres hälsa' },
  ],
};
const input = (suppressed: boolean) => ({
  // Two municipalities: 60 + 40 nurses, of whom 12 + 8 are specialists; 10 occupational therapists, 1 specialist.
  chosen: [
    { municipalityId: 'A', staff: [staff('sjukskoterska', 60, 12), staff('arbetsterapeut', 10, 1)] },
    { municipalityId: 'B', staff: [staff('sjukskoterska', 40, 8)] },
  ],
  professions: [
    { key: 'sjukskoterska', label: { sv: 'Sjuksköterska', en: 'Nurse' } },
    { key: 'arbetsterapeut', label: { sv: 'Arbetsterapeut', en: 'OT' } },
  ],
  suppressed,
});
const rows = [
  { year: 2027, professionKey: 'sjukskoterska', specialtyKey: 'vard_av_aldre', count: 2 },
  { year: 2027, professionKey: 'sjukskoterska', specialtyKey: 'vard_av_aldre', count: 1 },
  { year: 2027, professionKey: 'sjukskoterska', specialtyKey: 'distrikt', count: 1 },
  { year: 2028, professionKey: 'sjukskoterska', specialtyKey: 'vard_av_aldre', count: 4 },
  { year: 2028, professionKey: 'arbetsterapeut', specialtyKey: 'aldre', count: 2 },
  // Outside the forecast's years: not counted.
  { year: 2031, professionKey: 'sjukskoterska', specialtyKey: 'distrikt', count: 9 },
];
const YEARS = [2027, 2028, 2029];

describe('the specialist supply line', () => {
  it('sums the expected ends per year and specialty and projects the share, worked by hand', () => {
    const line = specialistSupplyFrom(rows, YEARS, input(false), config, 3);
    const nurse = line.professions.find((p) => p.key === 'sjukskoterska');
    expect(nurse?.perYear).toEqual([4, 4, 0]);
    expect(nurse?.bySpecialty).toEqual([
      { key: 'distrikt', name: 'Distriktssköterska', perYear: [1, 0, 0] },
      { key: 'vard_av_aldre', name: 'Vård av äldre', perYear: [3, 4, 0] },
    ]);
    expect(nurse?.specialists).toBe(20);
    expect(nurse?.headcount).toBe(100);
    // (20 + 4) / 100, (20 + 8) / 100, unchanged.
    expect(nurse?.share).toEqual([0.24, 0.28, 0.28]);
    const ot = line.professions.find((p) => p.key === 'arbetsterapeut');
    expect(ot?.perYear).toEqual([0, 2, 0]);
    // (1 + 0) / 10, (1 + 2) / 10.
    expect(ot?.share.map((s) => Math.round((s ?? 0) * 100) / 100)).toEqual([0.1, 0.3, 0.3]);
    expect(line.suppressed).toBe(false);
  });

  it('hides small counts in the region’s view so that none can be worked out, and the share after a hidden year', () => {
    const line = specialistSupplyFrom(rows, YEARS, input(true), config, 3);
    const nurse = line.professions.find((p) => p.key === 'sjukskoterska');
    const distrikt = nurse?.bySpecialty.find((s) => s.key === 'distrikt');
    const aldre = nurse?.bySpecialty.find((s) => s.key === 'vard_av_aldre');
    expect(distrikt?.perYear[0]).toBe('..');
    // 2027's total (4) and the other specialty (3) would give the hidden 1 away: one of them is hidden too.
    expect(nurse?.perYear[0] === '..' || aldre?.perYear[0] === '..').toBe(true);
    if (nurse?.perYear[0] === '..') expect(nurse.share).toEqual([null, null, null]);
    else expect(nurse?.share[0]).toBe(0.24);
    // 4 is not small.
    expect(aldre?.perYear[1]).toBe(4);
    const ot = line.professions.find((p) => p.key === 'arbetsterapeut');
    expect(ot?.perYear[1]).toBe('..');
    expect(ot?.share[0]).toBe(0.1);
    expect(ot?.share.slice(1)).toEqual([null, null]);
  });
});
