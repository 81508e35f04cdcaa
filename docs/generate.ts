/**
 * Writes the generated parts of the README (between <!-- name:start --> and <!-- name:end -->
 * markers) from the declared lists they document, so the docs cannot drift from the code.
 * `npm run docs` runs it; a test fails when the README is out of date.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INDICATORS, DISTRICT_INDICATORS } from '../sim/model/indicators.ts';
import { AGENT_COLUMNS } from '../sim/engine/agents.ts';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

const table = (rows: { name: string; unit: string; description: string }[]) =>
  ['| column | unit | meaning |', '| --- | --- | --- |', ...rows.map((r) => `| \`${r.name}\` | ${r.unit} | ${r.description} |`)].join('\n');

export function generatedSections(): Record<string, string> {
  return {
    'metrics-columns': table([{ name: 'day', unit: 'day', description: 'Day of the run; 0 is the initial state.' }, ...INDICATORS]),
    'agents-columns': table([...AGENT_COLUMNS]),
    'district-metrics': table([...DISTRICT_INDICATORS]),
  };
}

export function renderReadme(text: string): string {
  let out = text;
  for (const [name, body] of Object.entries(generatedSections())) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
    out = out.replace(re, `$1${body}\n$2`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fs.writeFileSync(README, renderReadme(fs.readFileSync(README, 'utf8')));
  process.stdout.write(`updated ${README}\n`);
}
