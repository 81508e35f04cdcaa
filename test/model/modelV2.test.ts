import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { afterNegative, afterPositive, expectedChange, languageBarrier } from '../../sim/model/contactRule.ts';
import { proficiencyPerHour } from '../../sim/model/learning.ts';
import { hireChance } from '../../sim/model/jobs.ts';
import { SPACE_TYPES } from '../../sim/model/spaceTypes.ts';
import { AgeClass, NONE } from '../../sim/model/spaceTypes.ts';
import { Flag, TIE_SLOTS, Trait } from '../../sim/model/world.ts';
import { pearson, sd } from '../../sim/validation/stats.ts';
import { scenarioFrom } from '../helpers.ts';

const quiet = { 'submodels.housing': false, 'submodels.demography': false, 'submodels.labour': false };
const noMigrantJobs = Object.fromEntries([1, 2, 3, 4].map((g) => [`population.groups.${g}.employment`, 0]));

function simulate(sets: Record<string, unknown>, days: number): Simulation {
  const sim = new Simulation(smallCity(sets));
  for (let d = 0; d < days; d++) sim.advance();
  return sim;
}

/** Values of f over living residents that pass `keep`. */
function values(sim: Simulation, keep: (i: number) => boolean, f: (i: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < sim.world.counts[0]; i++) if (sim.world.residents.age[i] !== AgeClass.gone && keep(i)) out.push(f(i));
  return out;
}

function indicatorsAfter(sets: Record<string, unknown>, days: number) {
  const sim = simulate(sets, days);
  const out = sim.indicators();
  sim.close();
  return out;
}

describe('contact v2', () => {
  it('with default settings an out-group encounter lowers prejudice on average in every space type, and a negative one weighs more than a positive one', () => {
    const sim = simulate(quiet, 1);
    const w = sim.world;
    const r = w.residents;
    const c = w.scenario.contact;
    const tie = w.scenario.ties.tieChance * w.scenario.ties.outgroupTieEffect;
    const hosts = values(
      sim,
      (i) => r.group[i] === 0,
      (i) => i,
    );
    const migrants = values(
      sim,
      (i) => r.group[i] !== 0,
      (i) => i,
    );
    for (let t = 0; t < SPACE_TYPES.length; t++) {
      const scores = [];
      for (let s = 0; s < w.sizes.spaces; s++) if (w.spaces.type[s] === t) scores.push(w.spaces.allport[s]);
      if (scores.length === 0) continue;
      const allport = Math.min(...scores);
      let sum = 0;
      for (let k = 0; k < 5000; k++) {
        const h = hosts[(k * 7919) % hosts.length];
        const m = migrants[(k * 104729) % migrants.length];
        sum += expectedChange(c, tie, r.prejudice[h], r.prejudice[m], languageBarrier(r.language[h], r.language[m]), allport, r.susceptibility[h] / 64);
      }
      expect(sum / 5000, SPACE_TYPES[t]).toBeLessThan(0);
    }
    expect(afterNegative(c, 0.5) - 0.5).toBeGreaterThan(0.5 - afterPositive(c, 0.5, 0));
    // The old defaults (v1) made shop encounters raise prejudice: the test can fail.
    const v1 = { ...c, baseNegative: 0.1, languageWeight: 1.5, allportWeight: 1.5, negativeEffect: 0.01 };
    expect(expectedChange(v1, tie, 0.3, 0.3, 0.8, 0.1)).toBeGreaterThan(0);
    sim.close();
  });

  it('residents differ stably in how much contact moves them', () => {
    // The drop of prejudice of the most susceptible quarter of hosts against the least, with the slow pulls off.
    const ratio = (spread: number) => {
      const sim = new Simulation(smallCity({ ...quiet, 'contact.susceptibilitySd': spread, 'attitudes.anchor': 0, 'attitudes.normRate': 0 }));
      const before = Float32Array.from(sim.world.residents.prejudice);
      for (let d = 0; d < 60; d++) sim.advance();
      const r = sim.world.residents;
      const hosts = values(
        sim,
        (i) => r.group[i] === 0 && r.outgroupContacts[i] > 10,
        (i) => i,
      ).sort((x, y) => r.susceptibility[x] - r.susceptibility[y] || x - y);
      const q = Math.floor(hosts.length / 4);
      const drop = (xs: number[]) => xs.reduce((a, i) => a + before[i] - r.prejudice[i], 0) / xs.reduce((a, i) => a + before[i], 0);
      const out = drop(hosts.slice(-q)) / drop(hosts.slice(0, q));
      sim.close();
      return out;
    };
    expect(ratio(0.6)).toBeGreaterThan(1.5);
    expect(ratio(0)).toBeLessThan(1.3);
  });

  it('self-selection: where talk is chosen, more prejudiced residents have fewer out-group encounters', () => {
    const r0 = (selection: number) => {
      const sim = new Simulation(smallCity({ ...quiet, 'contact.selfSelection': selection }));
      const start = Float32Array.from(sim.world.residents.prejudice);
      for (let d = 0; d < 30; d++) sim.advance();
      const r = sim.world.residents;
      const keep = (i: number) => r.group[i] === 0 && r.age[i] === AgeClass.elder;
      const out = pearson(
        values(sim, keep, (i) => r.outgroupContacts[i]),
        values(sim, keep, (i) => start[i]),
      );
      sim.close();
      return out;
    };
    expect(r0(1)).toBeLessThan(r0(0) - 0.05);
  });
});

describe('ties as links', () => {
  it('ties are links to a partner, the same on both sides, bounded per resident, and counted by group', () => {
    const sim = simulate({ ...quiet, 'ties.tieChance': 0.05 }, 30);
    const r = sim.world.residents;
    let links = 0;
    for (let i = 0; i < sim.world.counts[0]; i++) {
      let inCount = 0;
      let outCount = 0;
      for (let k = 0; k < TIE_SLOTS; k++) {
        const j = r.tiePartner[i * TIE_SLOTS + k];
        if (j === NONE) continue;
        links++;
        let back = -1;
        for (let q = 0; q < TIE_SLOTS; q++) if (r.tiePartner[j * TIE_SLOTS + q] === i) back = q;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(r.tieEnd[j * TIE_SLOTS + back]).toBe(r.tieEnd[i * TIE_SLOTS + k]);
        if (r.group[j] === r.group[i]) inCount++;
        else outCount++;
      }
      expect(r.ingroupTies[i]).toBe(inCount);
      expect(r.outgroupTies[i]).toBe(outCount);
    }
    expect(links).toBeGreaterThan(1000);
    sim.close();
  });

  it('friendship keeps lowering prejudice while it lasts, so ties move prejudice more than casual encounters', () => {
    const base = { ...quiet, 'ties.tieChance': 0.01 };
    expect(indicatorsAfter(base, 90).prejudice_host).toBeLessThan(indicatorsAfter({ ...base, 'ties.friendshipEffect': 0 }, 90).prejudice_host - 0.005);
  });

  it("with the defaults, a host's out-group ties correlate more with low prejudice than their casual out-group encounters do", () => {
    const sim = simulate({ 'population.residents': 6000, 'city.districtsX': 3, 'city.districtsY': 3 }, 365);
    const r = sim.world.residents;
    const host = (i: number) => r.group[i] === 0;
    const prejudice = values(sim, host, (i) => r.prejudice[i]);
    const ties = pearson(
      values(sim, host, (i) => r.outgroupTies[i]),
      prejudice,
    );
    const encounters = pearson(
      values(sim, host, (i) => Math.log1p(r.outgroupContacts[i])),
      prejudice,
    );
    sim.close();
    expect(encounters).toBeLessThan(-0.05);
    expect(encounters).toBeGreaterThan(-0.5);
    expect(ties).toBeLessThan(encounters);
  });

  it("a person-specific anchor keeps individual differences: prejudice after a year tracks each host's own, and its spread persists", () => {
    const hostsAfterYear = (sets: Record<string, unknown>) => {
      const sim = simulate({ ...quiet, ...sets }, 0);
      const r = sim.world.residents;
      const ids = values(
        sim,
        (i) => r.group[i] === 0,
        (i) => i,
      );
      const before = ids.map((i) => r.prejudice[i]);
      for (let d = 0; d < 365; d++) sim.advance();
      const alive = ids.map((i) => r.age[i] !== AgeClass.gone);
      const start = before.filter((_, k) => alive[k]);
      const end = ids.filter((_, k) => alive[k]).map((i) => r.prejudice[i]);
      sim.close();
      return { stability: pearson(start, end), spreadRatio: sd(end) / sd(start) };
    };
    const anchored = hostsAfterYear({});
    const loose = hostsAfterYear({ 'attitudes.anchor': 0 });
    expect(anchored.stability).toBeGreaterThan(loose.stability + 0.05);
    expect(anchored.spreadRatio).toBeGreaterThan(0.75);
  });

  it('extended contact: talking with an in-group member who has an out-group friend lowers prejudice', () => {
    const base = { ...quiet, 'ties.tieChance': 0.01, 'ties.friendshipEffect': 0, 'attitudes.extendedContact': 0 };
    expect(indicatorsAfter({ ...base, 'ties.extendedEffect': 0.02 }, 60).prejudice_host).toBeLessThan(
      indicatorsAfter({ ...base, 'ties.extendedEffect': 0 }, 60).prejudice_host - 0.005,
    );
  });
});

describe('labour v2', () => {
  const labour = {
    'submodels.contact': false,
    'submodels.housing': false,
    'submodels.demography': false,
    'submodels.attitudes': false,
    'population.residents': 4000,
  };
  const unrecognised = Object.fromEntries([1, 2, 3, 4].map((g) => [`population.groups.${g}.recognised`, 0]));

  it('regulated occupations keep unrecognised diplomas out of skilled jobs', () => {
    const open = indicatorsAfter(
      { ...labour, ...unrecognised, 'labour.regulatedShare': 0, 'labour.unrecognisedDiscount': 0 },
      200,
    ).overqualification_tertiary_migrant;
    const closed = indicatorsAfter({ ...labour, ...unrecognised, 'labour.regulatedShare': 1 }, 200).overqualification_tertiary_migrant;
    expect(closed).toBeGreaterThan(open + 0.1);
  });

  it('an unrecognised diploma lowers the hiring chance', () => {
    const sim = simulate(labour, 0);
    const r = sim.world.residents;
    const i = values(
      sim,
      (k) => (r.flags[k] & Flag.foreignDiploma) !== 0 && (r.flags[k] & Flag.recognised) !== 0,
      (k) => k,
    )[0];
    const recognisedChance = hireChance(sim.world, i);
    r.flags[i] &= ~Flag.recognised;
    expect(hireChance(sim.world, i)).toBeCloseTo(recognisedChance * sim.world.scenario.labour.unrecognisedHire, 9);
    // The mobility course's graduates reach jobs in a wider radius.
    r.flags[i] |= Flag.mobility;
    expect(hireChance(sim.world, i)).toBeGreaterThan(recognisedChance * sim.world.scenario.labour.unrecognisedHire);
    sim.close();
  });

  it('hires through contacts escape the discrimination of written applications, so the gap is smaller with network hiring', () => {
    const gap = (share: number) => indicatorsAfter({ ...labour, 'labour.networkHireShare': share }, 300).employment_gap;
    const none = gap(0);
    expect(gap(0.5)).toBeLessThan(none - 0.01);
    expect(gap(1)).toBeCloseTo(indicatorsAfter({ ...labour, 'labour.discrimination': 0 }, 300).employment_gap, 9);
  });

  it('over-qualified workers move up over the years by searching on the job', () => {
    const stuck = indicatorsAfter({ ...labour, 'labour.upwardMoveRate': 0 }, 300).overqualification_tertiary_host;
    const moving = indicatorsAfter({ ...labour, 'labour.upwardMoveRate': 0.01 }, 300).overqualification_tertiary_host;
    expect(moving).toBeLessThan(stuck - 0.03);
  });

  it('participation differs by sex, and mothers living with children seek work less', () => {
    const women = Object.fromEntries([1, 2, 3, 4].map((g) => [`population.groups.${g}.participationWomen`, 0.5]));
    const out = indicatorsAfter({ ...labour, ...noMigrantJobs, ...women }, 300);
    expect(out.employment_migrant_men).toBeGreaterThan(out.employment_migrant_women + 0.1);
    const mothers = (factor: number) => indicatorsAfter({ ...labour, ...noMigrantJobs, 'labour.parentParticipation': factor }, 300).employment_migrant_women;
    expect(mothers(0)).toBeLessThan(mothers(1) - 0.05);
  });
});

describe('language v2', () => {
  it('cumulative hours per CEFR level: B1 takes 375 guided hours from zero for an average learner', () => {
    const lang = scenarioFrom('default.json').language;
    const hoursTo = (target: number) => {
      let x = 0;
      let h = 0;
      while (x < target - 1e-9) {
        x += 0.01 * proficiencyPerHour(lang, x);
        h += 0.01;
      }
      return h;
    };
    expect(hoursTo(0.2)).toBeCloseTo(95, 0);
    expect(hoursTo(0.4)).toBeCloseTo(190, 0);
    expect(hoursTo(0.6)).toBeCloseTo(375, 0);
  });

  it('learners differ: course outcomes spread with aptitude, schooling and literacy', () => {
    const spreadAfter = (sets: Record<string, unknown>) => {
      const sim = simulate({ ...quiet, policies: [{ type: 'languageClasses', seats: 200 }], ...sets }, 120);
      const r = sim.world.residents;
      const xs = values(
        sim,
        (i) => r.classHours[i] > 50,
        (i) => r.language[i],
      );
      expect(xs.length).toBeGreaterThan(50);
      sim.close();
      return sd(xs);
    };
    const same = spreadAfter({ 'language.aptitudeSd': 0, 'language.illiterateShare': 0, 'language.schoolingFactor': [1, 1, 1] });
    expect(spreadAfter({ 'language.aptitudeSd': 0.6 })).toBeGreaterThan(same * 1.1);
  });
});

describe('acculturation v2', () => {
  it('orientations vary within groups, so some migrants keep little of their heritage', () => {
    const below = (spread: number) => {
      const sim = simulate({ ...quiet, 'attitudes.orientationSd': spread }, 200);
      const r = sim.world.residents;
      const xs = values(
        sim,
        (i) => r.group[i] !== 0,
        (i) => (r.heritage[i] < 0.5 ? 1 : 0),
      );
      sim.close();
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(below(0)).toBeLessThan(0.05);
    expect(below(0.3)).toBeGreaterThan(below(0) + 0.05);
  });

  it('heritage rises with co-ethnic density, and exclusionary hosts lower adoption', () => {
    const densitySlope = (weight: number) => {
      const sim = simulate({ ...quiet, 'attitudes.densityWeight': weight }, 200);
      const w = sim.world;
      const r = w.residents;
      const G = w.sizes.groups;
      const keep = (i: number) => r.group[i] !== 0;
      const share = (i: number) => w.district.groupShare[w.dwellings.district[w.households.dwelling[r.household[i]]] * G + r.group[i]];
      const out = pearson(
        values(sim, keep, share),
        values(sim, keep, (i) => r.heritage[i]),
      );
      sim.close();
      return out;
    };
    expect(densitySlope(0.6)).toBeGreaterThan(densitySlope(0) + 0.05);
    const adoption = (expectation: number) => {
      const sim = simulate({ ...quiet, 'attitudes.hostExpectation': expectation }, 200);
      const r = sim.world.residents;
      const xs = values(
        sim,
        (i) => r.group[i] !== 0,
        (i) => r.adoption[i],
      );
      sim.close();
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(adoption(1)).toBeLessThan(adoption(0) - 0.05);
  });

  it('the second generation keeps less of the heritage orientation', () => {
    const sim = simulate({ ...quiet, 'submodels.demography': true, 'demography.birthsPerYear': 0.05 }, 120);
    const r = sim.world.residents;
    const born = values(
      sim,
      (i) => r.group[i] !== 0 && (r.traits[i] & Trait.bornHere) !== 0 && r.age[i] === AgeClass.child,
      (i) => r.orientation[i],
    );
    const arrived = values(
      sim,
      (i) => r.group[i] !== 0 && !(r.traits[i] & Trait.bornHere),
      (i) => r.orientation[i],
    );
    expect(born.length).toBeGreaterThan(30);
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(m(born)).toBeLessThan(m(arrived) * 0.85);
    sim.close();
  });
});

describe('group threat v2', () => {
  it('an economic downturn raises host prejudice', () => {
    const down = { 'submodels.labour': true, timeline: [{ type: 'downturn', day: 5, durationDays: 200, hireMultiplier: 0.2, jobLossMultiplier: 1 }] };
    const noContact = { ...quiet, 'submodels.contact': false };
    const withThreat = indicatorsAfter({ ...noContact, ...down, 'attitudes.economicThreat': 1 }, 150).prejudice_host;
    const without = indicatorsAfter({ ...noContact, ...down, 'attitudes.economicThreat': 0 }, 150).prejudice_host;
    expect(withThreat).toBeGreaterThan(without + 0.01);
  });

  it("the out-group's size raises host prejudice", () => {
    const noContact = { ...quiet, 'submodels.contact': false };
    expect(indicatorsAfter({ ...noContact, 'attitudes.sizeThreat': 2 }, 150).prejudice_host).toBeGreaterThan(
      indicatorsAfter({ ...noContact, 'attitudes.sizeThreat': 0 }, 150).prejudice_host + 0.01,
    );
  });
});
