import fs from 'node:fs';
import path from 'node:path';
import type { ExperimentManifest } from '../engine/experiment/experimentFolder.ts';

const KIND = { grid: 'a full factorial grid', latinHypercube: 'a Latin hypercube sample', morris: 'Morris screening' } as const;

/**
 * What `icity experiment` says about a design: its points in one line rather than one
 * paragraph per point, and for Morris screening the parameters that matter most for each
 * metric at the last report day (from sensitivity.csv).
 */
export function designLines(dir: string, m: ExperimentManifest): string[] {
  const d = m.design!;
  const points = d.points;
  const n = m.seeds.length;
  const lines = [
    `Design: ${KIND[d.type]} of ${d.parameters.map((p) => p.path).join(', ')}: ${points.length} points (${points[0].arm} to ${points[points.length - 1].arm}), ${n} replication${n > 1 ? 's' : ''} each; points.csv gives their values.`,
  ];
  if (d.type !== 'morris') return lines;
  const last = m.reportDays[m.reportDays.length - 1];
  const [head, ...rows] = fs
    .readFileSync(path.join(dir, 'sensitivity.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const col = (name: string) => head.indexOf(name);
  lines.push(`Most influential parameters at day ${last} (mu*, the mean size of an elementary effect over the whole range; sigma, its spread):`);
  for (const metric of m.metrics) {
    const mine = rows.filter((r) => r[col('metric')] === metric && Number(r[col('day')]) === last).slice(0, 3);
    lines.push(`  ${metric}: ${mine.map((r) => `${r[col('parameter')]} (mu* ${r[col('mu_star')]}, sigma ${r[col('sigma')] || '–'})`).join('; ')}`);
  }
  return lines;
}
