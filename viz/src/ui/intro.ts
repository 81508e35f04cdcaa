import type { GroupInfo } from '../data/runManifest.ts';

/** The one line for first-time viewers: what the colours are and what to press. */
export function setIntro(text: string): void {
  const intro = document.getElementById('intro');
  if (intro) intro.textContent = text;
}

/** What the map's colours mean, in words, for the colouring chosen ("groups" or a district aggregate). */
export function coloursInWords(groups: readonly GroupInfo[], layer = 'groups'): string {
  if (layer !== 'groups') return `each district is coloured by its ${layer.replace(/_/g, ' ')} (the scale is under the map)`;
  const majority = groups.find((g) => g.host && g.share > 0.5);
  const inner = majority
    ? `grey: ${majority.name.replace(/_/g, ' ')}, the majority; colours: the other groups, named under the map`
    : 'the colours are named under the map';
  return `each square is a home, coloured by the group of the household living there (${inner}; white: empty)`;
}

export function runIntro(groups: readonly GroupInfo[], layer?: string): string {
  return `On the map ${coloursInWords(groups, layer)}. Press Space or ▶ Play to watch the days go by, ← → to step through them, and point at a chart or a district for its numbers.`;
}

export function compareIntro(groups: readonly GroupInfo[], replications: number, layer?: string): string {
  return `Two versions of the same city, side by side: ${coloursInWords(groups, layer)}. Press Space or ▶ Play to play both, ← → to step. The chart shows the chosen indicator for both arms: ${averages(replications)}.`;
}

export function overviewIntro(replications: number): string {
  return `Every arm of the experiment on one indicator: ${averages(replications)}; below, how far each policy arm ends up from the baseline (dot) and how sure that is (whisker), with what it costs.`;
}

/** What the lines and bands are, and the caveat when there is one replication only. */
function averages(replications: number): string {
  if (replications === 1)
    return 'one run per arm, so the lines are single runs with no confidence interval, and a difference between arms may be chance (run with --reps 5 or more to know)';
  return `lines are averages over ${replications} runs, shaded bands their 95% confidence intervals`;
}
