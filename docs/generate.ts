/**
 * Writes the generated parts of the README (between <!-- name:start --> and <!-- name:end -->
 * markers) from the declared lists they document, so the docs cannot drift from the code.
 * `npm run docs` runs it; a test fails when the README is out of date.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INDICATORS, DISTRICT_INDICATORS } from '../sim/model/indicators.ts';
import { AGENT_COLUMNS } from '../sim/engine/agents.ts';
import { parameterTable, policyParameters, scenarioParameters, timelineParameters } from './parameters.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const ODD = fileURLToPath(new URL('./ODD.md', import.meta.url));

const table = (rows: { name: string; unit: string; description: string }[]) =>
  ['| column | unit | meaning |', '| --- | --- | --- |', ...rows.map((r) => `| \`${r.name}\` | ${r.unit} | ${r.description} |`)].join('\n');

export function generatedSections(): Record<string, string> {
  return {
    'metrics-columns': table([{ name: 'day', unit: 'day', description: 'Day of the run; 0 is the initial state.' }, ...INDICATORS]),
    'agents-columns': table([...AGENT_COLUMNS]),
    'district-metrics': table([...DISTRICT_INDICATORS]),
  };
}

/** The ODD's generated parts: every parameter, every timeline event, every policy. */
export function oddSections(): Record<string, string> {
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

function fill(file: string, text: string, sections: Record<string, string>): string {
  let out = text;
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`${file} has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    out = out.replace(re, () => `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`);
  }
  return out;
}

export function renderReadme(text: string): string {
  return fill('README.md', text, generatedSections());
}

export function renderOdd(text: string): string {
  return fill('docs/ODD.md', text, oddSections());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fs.writeFileSync(README, renderReadme(fs.readFileSync(README, 'utf8')));
  fs.writeFileSync(ODD, renderOdd(fs.readFileSync(ODD, 'utf8')));
  process.stdout.write(`updated ${README} and ${ODD}\n`);
}
