// Types of bin/cliBundle.js, for the tests and benchmarks that call it from TypeScript.
export const ROOT: string;
export const ENTRIES: string[];
export function bundleHome(root?: string): string;
export function currentBundle(root?: string): string | undefined;
export function buildBundle(root?: string): Promise<string>;
export function loadCli(root?: string, loader?: string): Promise<{ main(argv: string[]): Promise<number> }>;
