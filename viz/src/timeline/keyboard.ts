import type { Player } from './player.ts';

/** Elements where Space already does something (press, toggle, type). */
const SPACE_USED = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A']);
/** Elements where arrows already do something (move a slider, change a choice, move a caret). */
const ARROWS_USED = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Keys for the player: Space plays or pauses, ← and → step one recorded day (with Shift,
 * ten), Home and End jump to the first and last day. Keys typed into a control keep their
 * usual meaning there (Space presses a focused button, arrows move a focused slider), except
 * that Space on the day slider also plays or pauses.
 */
export function bindPlayerKeys(player: () => Pick<Player, 'toggle' | 'step' | 'index' | 'lastIndex'> | undefined): void {
  document.addEventListener('keydown', (e) => {
    const p = player();
    if (!p || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const onSlider = target instanceof HTMLInputElement && target.type === 'range';
    if (e.key === ' ' && (onSlider || !SPACE_USED.has(target.tagName))) {
      e.preventDefault();
      p.toggle();
      return;
    }
    if (ARROWS_USED.has(target.tagName)) return;
    const steps: Record<string, () => void> = {
      ArrowRight: () => p.step(e.shiftKey ? 10 : 1),
      ArrowLeft: () => p.step(e.shiftKey ? -10 : -1),
      Home: () => p.step(-p.index),
      End: () => p.step(p.lastIndex - p.index),
    };
    const act = steps[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });
}
