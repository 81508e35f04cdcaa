import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';

const quiet = { 'submodels.housing': false, 'submodels.demography': false, 'submodels.labour': false };

function run(sets: Record<string, unknown>, days: number) {
  const sim = new Simulation(smallCity({ ...quiet, ...sets }));
  for (let d = 0; d < days; d++) sim.advance();
  return sim;
}

function end(sets: Record<string, unknown>, days: number) {
  const sim = run(sets, days);
  const out = sim.indicators();
  sim.close();
  return out;
}

describe('ties', () => {
  it('repeated positive encounters become ties, and without them there are none', () => {
    expect(end({}, 60).outgroup_ties_migrant).toBeGreaterThan(0.05);
    expect(end({ 'ties.tieChance': 0 }, 60).outgroup_ties_migrant).toBe(0);
  });

  it('out-group ties lower prejudice further', () => {
    const strong = end({ 'ties.tieChance': 0.02, 'ties.outgroupTieEffect': 0.2 }, 90).prejudice_host;
    const none = end({ 'ties.tieChance': 0.02, 'ties.outgroupTieEffect': 0 }, 90).prejudice_host;
    expect(strong).toBeLessThan(none);
  });

  it('extended contact: residents whose neighbours have out-group ties become less prejudiced', () => {
    const withContext = end({ 'ties.tieChance': 0.02, 'ties.outgroupTieEffect': 0, 'attitudes.extendedContact': 0.01 }, 90).prejudice_host;
    const without = end({ 'ties.tieChance': 0.02, 'ties.outgroupTieEffect': 0, 'attitudes.extendedContact': 0 }, 90).prejudice_host;
    expect(withContext).toBeLessThan(without);
  });

  it('ties help find jobs', () => {
    const base = {
      'submodels.labour': true,
      'ties.tieChance': 0.02,
      'population.groups.1.employment': 0,
      'population.groups.2.employment': 0,
      'population.groups.3.employment': 0,
      'population.groups.4.employment': 0,
    };
    const helped = end({ ...base, 'ties.jobBoost': 3 }, 200).employment_migrant;
    const alone = end({ ...base, 'ties.jobBoost': 0 }, 200).employment_migrant;
    expect(helped).toBeGreaterThan(alone);
  });
});

describe('neighbourhood norms', () => {
  it("pull residents' prejudice toward their group's district mean", () => {
    const spread = (sets: Record<string, unknown>) => {
      const sim = run({ 'submodels.contact': false, 'attitudes.anchor': 0, 'attitudes.extendedContact': 0, ...sets }, 60);
      const r = sim.world.residents;
      let s = 0,
        s2 = 0,
        n = 0;
      for (let i = 0; i < sim.world.counts[0]; i++)
        if (r.group[i] === 0) {
          s += r.prejudice[i];
          s2 += r.prejudice[i] ** 2;
          n++;
        }
      sim.close();
      return Math.sqrt(s2 / n - (s / n) ** 2);
    };
    expect(spread({ 'attitudes.normRate': 0.05 })).toBeLessThan(spread({ 'attitudes.normRate': 0 }) / 2);
  });
});

describe('incidents', () => {
  it('negative encounters escalate into incidents, and witnesses become more prejudiced', () => {
    const seen = end({ 'contact.escalation': 0.5, 'contact.witnesses': 10, 'contact.witnessEffect': 0.1 }, 30);
    const unseen = end({ 'contact.escalation': 0.5, 'contact.witnesses': 0 }, 30);
    expect(seen.incidents).toBeGreaterThan(0);
    expect(seen.prejudice_host).toBeGreaterThan(unseen.prejudice_host);
  });

  it('incidents lower trust', () => {
    const many = end({ 'contact.escalation': 1, 'contact.incidentTrustLoss': 0.2 }, 30).trust_migrant;
    const none = end({ 'contact.escalation': 0 }, 30).trust_migrant;
    expect(many).toBeLessThan(none);
  });

  it('without escalation there are no incidents', () => {
    expect(end({ 'contact.escalation': 0 }, 10).incidents).toBe(0);
  });
});

describe('trust, belonging and acculturation', () => {
  it('positive encounters in institutions raise trust', () => {
    const up = end({ 'attitudes.trustPerInstitutionalContact': 0.05 }, 60).trust_migrant;
    const flat = end({ 'attitudes.trustPerInstitutionalContact': 0 }, 60).trust_migrant;
    expect(up).toBeGreaterThan(flat);
  });

  it('a job raises belonging', () => {
    const employed = { 'submodels.labour': true, 'labour.jobLossRate': 0, 'labour.hireRate': 0.05 };
    const jobless = { 'submodels.labour': true, 'labour.hireRate': 0, 'labour.jobLossRate': 0.05 };
    expect(end(employed, 200).belonging_migrant).toBeGreaterThan(end(jobless, 200).belonging_migrant);
  });

  it('every migrant has one of the four strategies, and their shares add up to 1', () => {
    const out = end({}, 30);
    const sum = out.strategy_integration + out.strategy_assimilation + out.strategy_separation + out.strategy_marginalisation;
    expect(sum).toBeCloseTo(1, 10);
  });

  it('out-group ties and language move migrants from separation toward integration', () => {
    const mixing = end({ 'ties.tieChance': 0.01, 'language.talkHours': 0.2 }, 300);
    const apart = end({ 'ties.tieChance': 0, 'language.talkHours': 0, 'language.dailyExposureHours': 0 }, 300);
    expect(mixing.strategy_integration).toBeGreaterThan(apart.strategy_integration);
    expect(mixing.strategy_separation).toBeLessThan(apart.strategy_separation);
  });
});
