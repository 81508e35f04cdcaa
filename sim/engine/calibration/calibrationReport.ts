import type { CalibrationManifestFile } from '../../formats/calibrationManifest.ts';
import type { Target } from '../../../scenarios/schema/calibration.ts';
import type { CalibrationPlan } from './loadCalibration.ts';
import type { PointResult } from './runCalibration.ts';
import { fromUnit } from './parameterScale.ts';

/** A parameter is called identified when the posterior's range is less than this share of the prior's (on the parameter's scale). */
export const IDENTIFIED_SHARE = 0.5;

/** The range of a list of numbers; undefined when there is none. */
export function range(xs: readonly number[]): [number, number] | undefined {
  const finite = xs.filter(Number.isFinite);
  if (!finite.length) return undefined;
  return [Math.min(...finite), Math.max(...finite)];
}

function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000 || a < 0.001) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

function span(r: [number, number] | undefined): string {
  return r ? `${num(r[0])} to ${num(r[1])}` : '—';
}

function whom(who: string | undefined): string {
  return who === 'hosts' ? 'hosts' : who === 'migrants' ? 'migrants' : 'all residents';
}

function measured(t: Target): string {
  switch (t.type) {
    case 'metric':
      return `\`${t.metric}\` on day ${t.day}${t.arm ? ` in arm ${t.arm}` : ''}`;
    case 'effect':
      return `effect of arm ${t.arm}${t.versus ? ` against arm ${t.versus}` : ''} on \`${t.metric}\` on day ${t.day} (paired difference)`;
    case 'correlation':
      return `r(${t.xTransform === 'log1p' ? `log(1 + ${t.x})` : t.x}, ${t.y}) over ${whom(t.filter?.who)} at the end${t.arm ? ` in arm ${t.arm}` : ''}`;
    case 'languageShare':
      return `share at ${t.atLeast.toUpperCase().replace('_', '-')} or above, ${whom(t.filter?.who)} at the end${t.arm ? ` in arm ${t.arm}` : ''}`;
  }
}

/**
 * report.md of a calibration: the method in a paragraph, per target the published value, the
 * uncalibrated model's value, the prior and posterior predictive ranges and whether it is met,
 * per parameter the prior and posterior ranges and whether it is identified, and the waves.
 * Nothing in it depends on the machine (no wall times), so it is the same whatever the workers.
 */
export function calibrationReport(plan: CalibrationPlan, manifest: CalibrationManifestFile, points: readonly PointResult[]): string {
  const cal = plan.calibration;
  const defaults = points.filter((p) => p.wave === 0);
  const prior = points.filter((p) => p.wave === 1);
  const sampled = points.filter((p) => p.wave > 0);
  const posterior = sampled.filter((p) => p.plausible);
  const runs = manifest.waveRecords.reduce((s, w) => s + w.runs, 0);
  const lines: string[] = [];
  lines.push(`# Calibration ${cal.name}`, '');
  if (cal.description) lines.push(cal.description, '');
  lines.push(
    `**Method.** History matching (Vernon, Goldstein & Bower 2010; Andrianakis et al. 2015): ${cal.waves} wave${cal.waves > 1 ? 's' : ''} of Latin hypercubes of ${manifest.waveRecords[1]?.points ?? 0} points, the first over the prior ranges and each next one inside the box of the points not yet ruled out (widened by 10% of its width on each side). ` +
      `Each point is run ${cal.replications} times (seeds ${cal.seed} to ${cal.seed + cal.replications - 1}, the same at every point)${cal.arms.length ? `, and so is each of its arms (${cal.arms.map((a) => a.name).join(', ')})` : ''}. ` +
      `A target's implausibility is |published − mean of the runs| / sqrt(sd² + discrepancy² + ensemble variance × (1 + 1/${cal.replications})); a point is ruled out when its ${cal.implausibility === 'max' ? 'largest' : 'second largest'} implausibility over the targets exceeds ${cal.cutoff}. ` +
      `No emulator is fitted: every point's implausibility comes from its own runs, so a wave's box is sampled without screening, and the box can hold implausible corners. ` +
      `${manifest.residents.toLocaleString('en')} residents, ${manifest.days} days, ${runs} runs (${manifest.waveRecords[0]?.runs ?? 0} of them for the uncalibrated defaults).`,
    '',
    `**What posterior.csv is.** The ${posterior.length} parameter set${posterior.length === 1 ? '' : 's'} not ruled out in any wave, with equal weights: a non-implausible set, not a Bayesian posterior. Its ranges say which values the targets do not exclude, not how probable each value is.`,
    '',
  );
  if (!posterior.length)
    lines.push(
      `**No parameter set met every target.** Every point of every wave had an implausibility above ${cal.cutoff}; the later waves were drawn around the least implausible points. The model with these parameters and ranges cannot reproduce the targets together; the tables show which targets are missed.`,
      '',
    );

  lines.push('## Targets', '');
  lines.push(
    `Published value ± sd (and the model discrepancy's sd). "Defaults" is the uncalibrated scenario (mean of its runs and implausibility I). The prior predictive range is that of the point means of wave 1 (sampled over the prior); the posterior predictive range that of the points not ruled out. Met: at how many of those points the target's own implausibility is at most ${cal.cutoff}.`,
    '',
    '| Target | Measured as | Published | Source | Defaults (I) | Prior predictive | Posterior predictive | Met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  cal.targets.forEach((t, k) => {
    const d = defaults[0];
    const defaultCell = d ? `${num(d.means[k])} (I = ${num(d.implausibility[k])}${d.implausibility[k] <= cal.cutoff ? ', met' : ', not met'})` : '—';
    const met = posterior.filter((p) => p.implausibility[k] <= cal.cutoff).length;
    lines.push(
      `| ${t.name} | ${measured(t)} | ${num(t.value)} ± ${num(t.sd)}${t.discrepancy ? ` (± ${num(t.discrepancy)})` : ''} | ${t.source} | ${defaultCell} | ${span(range(prior.map((p) => p.means[k])))} | ${span(range(posterior.map((p) => p.means[k])))} | ${posterior.length ? `${met} of ${posterior.length}` : 'no point left'} |`,
    );
  });
  lines.push('');

  lines.push('## Parameters', '');
  lines.push(
    `The posterior range is that of the points not ruled out. A parameter counts as identified when that range is less than ${100 * IDENTIFIED_SHARE}% of the prior's (on its scale); otherwise the targets do not pin it down.`,
    '',
    '| Parameter | Default | Prior range | Scale | Posterior range | Share of prior | Identified |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  cal.parameters.forEach((p, j) => {
    const u = range(posterior.map((x) => x.unit[j]));
    const share = u ? u[1] - u[0] : undefined;
    lines.push(
      `| \`${p.path}\` | ${num(plan.defaults[j])} | ${num(p.min)} to ${num(p.max)} | ${p.scale} | ${u ? `${num(fromUnit(p, u[0]))} to ${num(fromUnit(p, u[1]))}` : '—'} | ${share === undefined ? '—' : `${(Math.round(1000 * share) / 10).toFixed(1)}%`} | ${share === undefined ? '—' : share < IDENTIFIED_SHARE ? 'yes' : 'no'} |`,
    );
  });
  lines.push('');

  lines.push('## Waves', '', '| Wave | Sampled around | Points | Runs | Not ruled out |', '| --- | --- | --- | --- | --- |');
  const basis: Record<string, string> = {
    defaults: 'the uncalibrated defaults',
    prior: 'the prior ranges',
    plausible: 'the points not ruled out so far',
    'least-implausible': 'the least implausible points (none was left)',
  };
  for (const w of manifest.waveRecords)
    lines.push(`| ${w.wave === 0 ? 'defaults' : w.wave} | ${basis[w.basis]} | ${w.points} | ${w.runs} | ${w.plausible ?? '—'} |`);
  lines.push(
    '',
    '**References.** Vernon, I., Goldstein, M. & Bower, R. G. (2010). Galaxy formation: a Bayesian uncertainty analysis. *Bayesian Analysis* 5(4), 619–670. Andrianakis, I., Vernon, I. R., McCreesh, N., et al. (2015). Bayesian history matching of complex infectious disease models using emulation. *PLoS Computational Biology* 11(1), e1003968. McKay, M. D., Beckman, R. J. & Conover, W. J. (1979). A comparison of three methods for selecting values of input variables. *Technometrics* 21(2), 239–245.',
    '',
  );
  return lines.join('\n');
}
