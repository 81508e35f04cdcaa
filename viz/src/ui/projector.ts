/**
 * Projector mode: larger text and lines for the back of a classroom, and the page full
 * screen (when the browser allows it). The header's button switches it.
 */
export function setProjector(on: boolean): void {
  document.body.classList.toggle('projector', on);
  document.getElementById('projector')?.setAttribute('aria-pressed', String(on));
}

export function bindProjector(): void {
  document.getElementById('projector')?.addEventListener('click', () => {
    const on = !document.body.classList.contains('projector');
    setProjector(on);
    if (on) document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen();
  });
}
