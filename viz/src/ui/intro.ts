import type { GroupInfo } from '../data/runManifest.ts';

/** The one line for first-time viewers: what the colours are and what to press. */
export function setIntro(text: string): void {
  const intro = document.getElementById('intro');
  if (intro) intro.textContent = text;
}

/** What the map's colours mean, in words. */
export function coloursInWords(groups: readonly GroupInfo[]): string {
  const majority = groups.find((g) => g.host && g.share > 0.5);
  const inner = majority ? `grey: ${majority.name.replace(/_/g, ' ')}, the majority; colours: the other groups, named under the map` : 'the colours are named under the map';
  return `each square is a home, coloured by the group of the household living there (${inner}; white: empty)`;
}

export function runIntro(groups: readonly GroupInfo[]): string {
  return `On the map ${coloursInWords(groups)}. Press Space or ▶ Play to watch the days go by, ← → to step through them, and point at a chart or a district for its numbers.`;
}

export function compareIntro(groups: readonly GroupInfo[], replications: number): string {
  return `Two versions of the same city, side by side: ${coloursInWords(groups)}. Press Space or ▶ Play to play both, ← → to step. The chart shows the chosen indicator for both arms: lines are averages over ${replications} runs, shaded bands their 95% confidence intervals.`;
}

export function overviewIntro(replications: number): string {
  return `Every arm of the experiment on one indicator: lines are averages over ${replications} runs and shaded bands their 95% confidence intervals; below, how far each policy arm ends up from the baseline (dot) and how sure that is (whisker), with what it costs.`;
}
