/** What the page shows came from: set by each view, shown under the page and written into saved charts. */
let note = '';

export function setProvenance(text: string, title = ''): void {
  note = text;
  const footer = document.getElementById('provenance');
  if (!footer) return;
  footer.textContent = text;
  footer.title = title;
}

export function provenance(): string {
  return note;
}

/** The provenance line of a run or experiment folder, from its manifest.json. */
export function folderProvenance(manifest: Record<string, unknown>): string {
  const pkg = manifest.package as { name?: string; version?: string } | undefined;
  const version = pkg?.version ? `${pkg.name ?? 'interethnic-city'} ${pkg.version}` : 'version not recorded';
  if (manifest.format === 'icity-run') {
    const hash = typeof manifest.scenarioHash === 'string' ? manifest.scenarioHash.slice(0, 12) : '?';
    return `Scenario ${String(manifest.scenarioName)} · seed ${String(manifest.seed)} · ${version} · scenario hash ${hash}`;
  }
  if (manifest.format === 'icity-calibration') {
    const hash = typeof manifest.calibrationHash === 'string' ? manifest.calibrationHash.slice(0, 12) : '?';
    return `Calibration ${String(manifest.name)} · from ${String(manifest.calibrationFile)} · ${version} · calibration hash ${hash}`;
  }
  const seeds = Array.isArray(manifest.seeds) ? manifest.seeds.join(', ') : '?';
  const file = typeof manifest.experimentFile === 'string' ? ` · from ${manifest.experimentFile}` : '';
  return `Experiment ${String(manifest.name)} · seeds ${seeds} · ${version}${file}`;
}
