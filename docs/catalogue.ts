/**
 * The generated catalogues of docs/policies.md and docs/scenarios.md: the policy plug-ins
 * (title, source, mechanism, parameters) and the scenario and experiment files (each file's
 * own `description`), so adding a policy or a scenario updates the docs with `npm run docs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICIES } from '../sim/policies/registry.ts';
import { loadScenario } from '../sim/engine/loadScenario.ts';
import { policyParameters } from './parameters.ts';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Fields every policy has (policy.ts); the tables list each policy's own. */
const COMMON = new Set(['type', 'name', 'target', 'districts', 'start', 'stop', 'budget', 'protected']);
const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** The first sentence of a description, for a table cell. */
function firstSentence(text: string): string {
  const m = /^(.*?[.?!])(\s|$)/s.exec(text.trim());
  return (m ? m[1] : text.trim()) || '(no description)';
}

/** GitHub's anchor of a heading. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

export function policyTable(): string {
  const own = new Map(policyParameters().map(({ policy, rows }) => [policy.type, rows.filter((r) => !COMMON.has(r.path.split('.').pop()!))]));
  const heading = (p: (typeof POLICIES)[number]) => `${p.title} (\`${p.type}\`)`;
  const table = [
    '| type | policy | parameters |',
    '| --- | --- | --- |',
    ...POLICIES.map((p) => {
      const params = own
        .get(p.type)!
        .map((r) => `\`${r.path.split('.').pop()}\``)
        .join(', ');
      return `| \`${p.type}\` | [${esc(p.title)}](#${anchor(heading(p))}) | ${params} |`;
    }),
  ];
  const details = POLICIES.map((p) => {
    const rows = own
      .get(p.type)!
      .map(
        (r) =>
          `- \`${r.path.split('.').pop()}\` (${r.unit || 'value'}, default ${r.default || '—'}): ${r.description}${r.source ? ` Source: ${r.source}.` : ''}`,
      );
    return [`### ${heading(p)}`, p.mechanism, `**Sources.** ${p.source}`, `**Parameters** (besides the common fields):`, rows.join('\n')].join('\n\n');
  });
  return [table.join('\n'), ...details].join('\n\n');
}

/** What the tables show of an experiment file: an ordinary one, or a transfer experiment (docs/transfer.md). */
interface ExperimentFileHead {
  kind?: string;
  description?: string;
  scenario?: string;
  arms?: unknown[];
  cities?: unknown[];
  practices?: unknown[];
}

function baseOf(e: ExperimentFileHead): string {
  return e.kind === 'transfer' ? `${e.cities?.length ?? 0} cities` : `\`${path.basename(e.scenario ?? '')}\``;
}

function armsOf(e: ExperimentFileHead): string {
  return e.kind === 'transfer' ? `${e.practices?.length ?? 0} practices per city` : String(1 + (e.arms?.length ?? 0));
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
}

export function scenarioTable(): string {
  const scenarios = jsonFiles(SCENARIOS).map((file) => ({ file, scenario: loadScenario(path.join(SCENARIOS, file)) }));
  const experiments = jsonFiles(path.join(SCENARIOS, 'experiments')).map((file) => ({
    file: `experiments/${file}`,
    e: JSON.parse(fs.readFileSync(path.join(SCENARIOS, 'experiments', file), 'utf8')) as ExperimentFileHead,
  }));
  const scenarioRows = scenarios.map(({ file, scenario: s }) => {
    const policies = s.policies.map((p) => `\`${String(p.type)}\``).join(', ') || '—';
    return `| [\`${file}\`](#${anchor(file)}) | ${s.population.residents.toLocaleString('en-US')} | ${s.days} | ${policies} | ${esc(firstSentence(s.description))} |`;
  });
  const experimentRows = experiments.map(
    ({ file, e }) => `| [\`${file}\`](#${anchor(file)}) | ${baseOf(e)} | ${armsOf(e)} | ${esc(firstSentence(e.description ?? ''))} |`,
  );
  const details = [
    ...scenarios.map(({ file, scenario }) => `### ${file}\n\n${scenario.description.trim() || '(no description)'}`),
    ...experiments.map(({ file, e }) => `### ${file}\n\n${(e.description ?? '').trim() || '(no description)'}`),
  ];
  return [
    '| scenario file | residents | days | policies | what it is |',
    '| --- | ---: | ---: | --- | --- |',
    ...scenarioRows,
    '',
    '| experiment file | base scenario | arms (with the baseline) | question |',
    '| --- | --- | ---: | --- |',
    ...experimentRows,
    '',
    ...details.flatMap((d) => [d, '']),
  ]
    .join('\n')
    .trimEnd();
}
