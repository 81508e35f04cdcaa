/**
 * Writes the generated parts of the pages under docs/ (between <!-- name:start --> and
 * <!-- name:end --> markers) from the declared lists they document: indicators, agent
 * columns, policy plug-ins, scenario files and parameters, so the docs cannot drift from the
 * code. `npm run docs` runs it; a test fails when a page is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICATORS, DISTRICT_INDICATORS } from '../sim/model/indicators.ts';
import { AGENT_COLUMNS } from '../sim/engine/agents.ts';
import { parameterTable, policyParameters, scenarioParameters, timelineParameters } from './parameters.ts';
import { policyTable, scenarioTable } from './catalogue.ts';

const DOCS = fileURLToPath(new URL('.', import.meta.url));

const table = (rows: { name: string; unit: string; description: string }[]) =>
  ['| column | unit | meaning |', '| --- | --- | --- |', ...rows.map((r) => `| \`${r.name}\` | ${r.unit} | ${r.description} |`)].join('\n');

/** The ODD's generated parts: every parameter, every timeline event, every policy. */
function oddSections(): Record<string, string> {
  return {
    'odd-parameters': parameterTable(scenarioParameters()),
    'odd-timeline': timelineParameters()
      .map((t) => `#### \`${t.type}\`\n\n${t.description}\n\n${parameterTable(t.rows)}`)
      .join('\n\n'),
    'odd-policies': policyParameters()
      .map(({ policy, rows }) => `#### ${policy.title} (\`${policy.type}\`)\n\n${policy.mechanism}\n\nSources: ${policy.source}\n\n${parameterTable(rows)}`)
      .join('\n\n'),
  };
}

/** Each generated page and the sections it holds. */
export const GENERATED_PAGES: Record<string, () => Record<string, string>> = {
  'outputs.md': () => ({
    'metrics-columns': table([{ name: 'day', unit: 'day', description: 'Day of the run; 0 is the initial state.' }, ...INDICATORS]),
    'agents-columns': table([...AGENT_COLUMNS]),
    'district-metrics': table([...DISTRICT_INDICATORS]),
  }),
  'policies.md': () => ({ 'policies-table': policyTable() }),
  'scenarios.md': () => ({ 'scenarios-table': scenarioTable() }),
  'ODD.md': oddSections,
};

function fill(file: string, text: string, sections: Record<string, string>): string {
  let out = text;
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`${file} has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    out = out.replace(re, () => `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`);
  }
  return out;
}

/** A page of docs/ with its generated sections brought up to date. */
export function renderPage(page: string, text: string): string {
  return fill(`docs/${page}`, text, GENERATED_PAGES[page]());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const page of Object.keys(GENERATED_PAGES)) {
    const file = path.join(DOCS, page);
    fs.writeFileSync(file, renderPage(page, fs.readFileSync(file, 'utf8')));
    process.stdout.write(`updated docs/${page}\n`);
  }
}
