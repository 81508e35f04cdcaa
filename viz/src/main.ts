import { fetchJson, setDataFolder } from './data/fetchData.ts';
import { loadTransfer, type Transfer } from './data/loadTransfer.ts';
import { loadExperiment, type Experiment } from './data/loadExperiment.ts';
import { loadCalibration } from './data/loadCalibration.ts';
import { loadRun } from './data/loadRun.ts';
import { ViewerError } from './data/viewerError.ts';
import { UrlState } from './state/viewState.ts';
import { bindPlayerKeys } from './timeline/keyboard.ts';
import type { Player } from './timeline/player.ts';
import { el } from './ui/dom.ts';
import { folderProvenance, setProvenance } from './ui/provenance.ts';
import { bindProjector } from './ui/projector.ts';
import { clearErrors, showError } from './ui/errorPanel.ts';
import { catalogueView } from './views/catalogueView.ts';
import { calibrationView } from './views/calibrationView.ts';
import { experimentView } from './views/experimentView.ts';
import { runView } from './views/runView.ts';
import { liveView, type LiveControls } from './views/liveView.ts';
import { readLiveUrl } from './live/liveUrl.ts';

/**
 * The viewer: the live view when the URL asks for it (?live=...) or when no run or
 * experiment folder is served; otherwise the served folder's run or experiment. Any
 * failure ends as a message in the page naming the file and the problem.
 */
const url = new UrlState();
let player: Player | undefined;
let live: LiveControls | undefined;
let experiment: Experiment | undefined;
/** The city whose experiment `experiment` holds, inside a transfer folder ('' otherwise). */
let experimentFolder = '';
let transfer: Transfer | undefined;
let renders = 0;

bindPlayerKeys(() => live ?? player);
bindProjector();
window.addEventListener('error', (e) => showError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => showError(e.reason));
window.addEventListener('popstate', () => {
  url.reload();
  void render();
});

async function render(): Promise<void> {
  const token = ++renders;
  const focused = document.activeElement?.id;
  player?.pause();
  player = undefined;
  live?.close();
  live = undefined;
  clearErrors();
  const main = document.getElementById('main')!;
  const view = el('div', { class: 'view' }, el('p', { class: 'loading' }, 'Loading…'));
  main.replaceChildren(view);
  try {
    const query = new URLSearchParams(location.search);
    const served = await hasServedFolder();
    if (query.has('live') || (!query.has('view') && !served)) {
      setTitle('live');
      if (token === renders) live = liveView(view, readLiveUrl(location.search), served);
      return;
    }
    addLiveLink();
    setDataFolder('');
    let manifest = await fetchJson('manifest.json');
    setProvenance(folderProvenance(manifest));
    let next: Player | undefined;
    let inside = view;
    if (manifest.format === 'icity-calibration') {
      const cal = await loadCalibration(manifest);
      setTitle(`calibration ${cal.manifest.name}`);
      calibrationView(view, cal);
      return;
    }
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
      throw new ViewerError(
        'manifest.json',
        `format is ${JSON.stringify(manifest.format)}; expected "icity-run" (a run folder) or "icity-experiment" (an experiment folder) or "icity-transfer" (a transfer experiment) or "icity-calibration" (a calibration)`,
      );
    }
    if (token === renders) player = next;
    else next?.pause();
    if (focused && token === renders) document.getElementById(focused)?.focus({ preventScroll: true });
  } catch (err) {
    if (token !== renders) return;
    view.replaceChildren();
    showError(err);
  }
}

/** Whether a run or experiment folder is served beside the page (a static site has none). */
async function hasServedFolder(): Promise<boolean> {
  try {
    const res = await fetch('served.json', { cache: 'no-store' });
    return res.ok && ((await res.json()) as { folder?: boolean }).folder === true;
  } catch {
    return false;
  }
}

function addLiveLink(): void {
  const top = document.querySelector('.top');
  if (!top || top.querySelector('#live-link')) return;
  top.append(el('a', { href: '?live=teaching', id: 'live-link', class: 'button-like' }, 'Live town'));
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
      "is missing: this folder holds the transfer experiment's results, not its runs",
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
