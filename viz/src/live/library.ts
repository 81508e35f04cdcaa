declare const ICITY_SCENARIOS: Record<string, unknown> | undefined;

/**
 * The project's scenario files, by name (scenarios/*.json), put into the page's script when
 * it is bundled (viz/server/bundleViewer.ts), so the live view needs no server to read them.
 */
export const LIBRARY: Record<string, unknown> = typeof ICITY_SCENARIOS === 'undefined' ? {} : ICITY_SCENARIOS;
