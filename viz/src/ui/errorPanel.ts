import { ViewerError } from '../data/viewerError.ts';

/**
 * Shows a problem in the page: which file, what is wrong with it, and what to do. Each
 * distinct message is shown once, however often a failing request is retried.
 */
export function showError(err: unknown): void {
  const panel = document.getElementById('error');
  if (!panel) return;
  const e = err instanceof ViewerError ? err : undefined;
  const text = e ? `${e.file}: ${e.problem}` : err instanceof Error ? err.message : String(err);
  if ([...panel.querySelectorAll('.error-text')].some((n) => n.textContent === text)) return;
  const item = document.createElement('div');
  item.className = 'error-item';
  const heading = document.createElement('strong');
  heading.textContent = e ? 'A file of this folder cannot be shown' : 'Something went wrong';
  const body = document.createElement('p');
  body.className = 'error-text';
  body.textContent = text;
  item.append(heading, body);
  if (e?.hint) {
    const hint = document.createElement('p');
    hint.className = 'error-hint';
    hint.textContent = e.hint;
    item.append(hint);
  }
  panel.append(item);
  panel.hidden = false;
  document.body.classList.add('has-error');
}

/** Removes what showError showed (when a view is rebuilt). */
export function clearErrors(): void {
  const panel = document.getElementById('error');
  if (!panel) return;
  panel.replaceChildren();
  panel.hidden = true;
  document.body.classList.remove('has-error');
}
