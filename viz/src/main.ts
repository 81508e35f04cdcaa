import { fetchJson, setDataFolder } from './data/fetchData.ts';
import { loadTransfer, type Transfer } from './data/loadTransfer.ts';
import { loadExperiment, type Experiment } from './data/loadExperiment.ts';
import { loadRun } from './data/loadRun.ts';
import { ViewerError } from './data/viewerError.ts';
import { UrlState } from './state/viewState.ts';
import { bindPlayerKeys } from './timeline/keyboard.ts';
import type { Player } from './timeline/player.ts';
import { el } from './ui/dom.ts';
import { clearErrors, showError } from './ui/errorPanel.ts';
import { catalogueView } from './views/catalogueView.ts';
import { experimentView } from './views/experimentView.ts';
import { runView } from './views/runView.ts';

/**
 * The viewer: reads the served folder's manifest.json and shows a run or an experiment.
 * Any failure ends as a message in the page naming the file and the problem.
 */
const url = new UrlState();
let player: Player | undefined;
let experiment: Experiment | undefined;
/** The city whose experiment `experiment` holds, inside a transfer folder ('' otherwise). */
let experimentFolder = '';
let transfer: Transfer | undefined;
let renders = 0;

bindPlayerKeys(() => player);
window.addEventListener('error', (e) => showError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => showError(e.reason));
window.addEventListener('popstate', () => {
  url.reload();
  void render();
});

async function render(): Promise<void> {
  const token = ++renders;
  player?.pause();
  player = undefined;
  clearErrors();
  const main = document.getElementById('main')!;
  const view = el('div', { class: 'view' }, el('p', { class: 'loading' }, 'Loading…'));
  main.replaceChildren(view);
  try {
    setDataFolder('');
    let manifest = await fetchJson('manifest.json');
    let next: Player | undefined;
    let inside = view;
    if (manifest.format === 'icity-transfer') {
      if (!url.state.city) {
        transfer ??= await loadTransfer(manifest);
        setTitle(`catalogue of good practices (${transfer.name})`);
        catalogueView(view, transfer, url, () => void render());
        return;
      }
      manifest = await cityExperiment(url.state.city, manifest);
      inside = el('div');
      view.replaceChildren(backToCatalogue(), inside);
    }
    if (manifest.format === 'icity-experiment') {
      const folder = url.state.city ?? '';
      if (experimentFolder !== folder) experiment = undefined;
      experimentFolder = folder;
      experiment ??= await loadExperiment(manifest);
      setTitle(`experiment ${experiment.manifest.name}`);
      next = await experimentView(inside, experiment, url, () => void render());
    } else if (manifest.format === 'icity-run') {
      const run = await loadRun('');
      setTitle(`run ${run.manifest.scenarioName} (seed ${run.manifest.seed})`);
      next = runView(view, run, url, `Run ${run.manifest.scenarioName}, seed ${run.manifest.seed}`);
    } else {
      throw new ViewerError('manifest.json', `format is ${JSON.stringify(manifest.format)}; expected "icity-run" (a run folder) or "icity-experiment" (an experiment folder) or "icity-transfer" (a transfer experiment)`);
    }
    if (token === renders) player = next;
    else next?.pause();
  } catch (err) {
    if (token !== renders) return;
    view.replaceChildren();
    showError(err);
  }
}

/** A city's experiment inside a transfer folder; a folder of results alone says how to get the runs. */
async function cityExperiment(city: string, top: Record<string, unknown>): Promise<Record<string, unknown>> {
  setDataFolder(`cities/${city}/`);
  try {
    return await fetchJson('manifest.json');
  } catch (err) {
    if (!(err instanceof ViewerError) || err.problem !== 'is missing') throw err;
    throw new ViewerError(
      `cities/${city}/manifest.json`,
      'is missing: this folder holds the transfer experiment\'s results, not its runs',
      `Run icity experiment ${String(top.transferFile ?? '<transfer.json>')} (it reproduces the same runs) and icity view its output folder to replay any cell.`,
    );
  }
}

function backToCatalogue(): HTMLElement {
  const b = el('button', { type: 'button', class: 'tab back' }, '← Catalogue of good practices');
  b.addEventListener('click', () => {
    url.navigate({});
    void render();
  });
  return b;
}

function setTitle(what: string): void {
  document.title = `Interethnic City: ${what}`;
  const title = document.getElementById('title');
  if (title) title.textContent = `Interethnic City · ${what}`;
}

void render();
