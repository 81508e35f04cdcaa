// The command line as prebuilt JavaScript. Loading the TypeScript sources through tsx costs
// about a second of compiling and resolving on every start (more on a busy machine), which
// is most of a small run. So the sources are bundled once with esbuild into dist/cli/<key>/
// and later starts load the bundle, as long as it was built from exactly the sources there
// are now: <key> is a hash of every source file the bundle was built from (and of this file,
// which holds the build options), checked on every start. A checkout being edited therefore
// never runs a stale bundle: the next start sees the change and rebuilds (about 0.2 s).
//
// ICITY_LOADER chooses: "auto" (the default) uses the bundle, building it when it is missing
// or stale, and falls back to the sources when it cannot be built (a read-only install, a
// syntax error that tsx will then report); "bundle" insists on it (an error if it cannot be
// built); "sources" always loads the TypeScript sources through tsx.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package's root folder (this file is bin/cliBundle.js). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The bundle's entry points: the command line and the modules worker threads start from
 * (sim/engine/moduleUrl.ts finds these by name in the bundle, so their names are unique).
 */
export const ENTRIES = ['sim/cli.ts', 'sim/engine/parallel/worker.ts', 'sim/engine/experiment/poolRun.ts'];

/** Where bundles are kept, one folder per key, and the record of the current one. */
export function bundleHome(root = ROOT) {
  return path.join(root, 'dist', 'cli');
}
const CURRENT = 'current.json';
/**
 * Packages compiled into the bundle. zod, as a package, is about a hundred modules that Node
 * resolves, loads and links at every start of the command and of each run thread: 77 ms to
 * import it so, 31 ms from one bundled file.
 */
const BUNDLED_PACKAGES = new Set(['zod']);

/** "zod" of "zod/v4/core", "@scope/name" of "@scope/name/sub". */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
/**
 * Bundles of earlier sources are removed once nothing has started from them for this long: a
 * run or an experiment started from one still starts threads from it, so each start touches
 * its bundle's folder.
 */
const KEEP_OLD_MS = 6 * 60 * 60 * 1000;

function hashOf(files) {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const [file, contents] of files) h.update(`\0${file}\0${contents.length}\0`).update(contents);
  return h.digest('hex').slice(0, 20);
}

/**
 * The up-to-date bundle's folder, or undefined when there is none: no bundle yet, or one
 * built from sources that have changed since (or are gone).
 */
export function currentBundle(root = ROOT) {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(path.join(bundleHome(root), CURRENT), 'utf8'));
  } catch {
    return undefined;
  }
  const dir = path.join(bundleHome(root), String(record.key));
  if (!Array.isArray(record.inputs) || !fs.existsSync(path.join(dir, 'cli.js'))) return undefined;
  const files = [];
  for (const file of record.inputs) {
    try {
      files.push([file, fs.readFileSync(path.join(root, file))]);
    } catch {
      return undefined;
    }
  }
  return hashOf(files) === record.key ? dir : undefined;
}

/**
 * Bundles the sources into a new folder and makes it the current bundle. The key is hashed
 * from the very contents esbuild compiled, so a file edited during the build makes the
 * bundle stale rather than wrongly current.
 */
export async function buildBundle(root = ROOT) {
  const { build } = await import('esbuild');
  const home = bundleHome(root);
  fs.mkdirSync(home, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(home, '.building-'));
  const loaded = new Map();
  // Every output file lies directly in the bundle's folder, so a source's place relative to
  // that folder is the same wherever esbuild puts its code: import.meta.url (and dirname)
  // are rewritten to the source file's own, so that sources find the files next to them
  // (package.json, scenarios/, viz/, boot modules) as they do when run from the sources.
  const sourcePlaces = {
    name: 'source-places',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        const bytes = fs.readFileSync(args.path);
        const contents = bytes.toString('utf8');
        loaded.set(path.relative(root, args.path).split(path.sep).join('/'), bytes);
        const fromBundle = path.relative(path.join(home, 'key'), args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        let code = contents.replace(/\bimport\.meta\.url\b/g, url);
        if (/\bimport\.meta\.(dirname|filename)\b/.test(code)) {
          code = code
            .replace(/\bimport\.meta\.filename\b/g, `__sourcePath(${url})`)
            .replace(/\bimport\.meta\.dirname\b/g, `__sourcePath(new URL('.', ${url}).href).replace(/[\\\\/]$/, '')`);
          // On the first line, so that line numbers stay those of the source.
          code = `import { fileURLToPath as __sourcePath } from 'node:url'; ${code}`;
        }
        return { contents: code, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
      });
    },
  };
  // Packages stay outside the bundle, loaded from node_modules as Node loads them, except
  // those in BUNDLED_PACKAGES (their files are then inputs of the key like the sources).
  const externalPackages = {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.has(packageName(args.path)) ? undefined : { path: args.path, external: true }));
    },
  };
  try {
    await build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: scratch,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      // Lets sim/engine/moduleUrl.ts find the worker entries among the bundle's files.
      banner: { js: 'const ICITY_BUNDLE_URL = import.meta.url;' },
      sourcemap: 'linked',
      plugins: [externalPackages, sourcePlaces],
      logLevel: 'silent',
    });
    const files = [...loaded].sort(([a], [b]) => (a < b ? -1 : 1));
    const key = hashOf(files);
    const dir = path.join(home, key);
    try {
      fs.renameSync(scratch, dir);
    } catch (err) {
      // Another start built the same sources at the same time: theirs is as good.
      if (!fs.existsSync(path.join(dir, 'cli.js'))) throw err;
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    const record = path.join(home, `.${CURRENT}.${process.pid}`);
    fs.writeFileSync(record, `${JSON.stringify({ key, builtAt: new Date().toISOString(), inputs: files.map(([f]) => f) }, null, 1)}\n`);
    fs.renameSync(record, path.join(home, CURRENT));
    removeOldBundles(home, key);
    return dir;
  } catch (err) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
}

function removeOldBundles(home, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(home)) {
    const p = path.join(home, name);
    if (name === keep || name === CURRENT || name.startsWith(`.${CURRENT}`)) continue;
    try {
      if (now - fs.statSync(p).mtimeMs > KEEP_OLD_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* removed by another start meanwhile */
    }
  }
}

/** The command line's module (with its `main`), from the bundle or the sources as ICITY_LOADER says. */
export async function loadCli(root = ROOT, loader = process.env.ICITY_LOADER || 'auto') {
  if (!['auto', 'bundle', 'sources'].includes(loader)) {
    throw Object.assign(new Error(`ICITY_LOADER=${JSON.stringify(loader)}: expected "auto", "bundle" or "sources"`), { code: 'ICITY_LOADER' });
  }
  if (loader !== 'sources') {
    let dir = currentBundle(root);
    if (!dir) {
      try {
        dir = await buildBundle(root);
      } catch (err) {
        if (loader === 'bundle') throw new Error(`could not build the command line's bundle in ${bundleHome(root)}: ${err?.message ?? err}`);
      }
    }
    if (dir) {
      try {
        const now = new Date();
        fs.utimesSync(dir, now, now);
      } catch {
        /* a read-only install: nothing removes its bundle either */
      }
      if (process.env.ICITY_DEBUG) process.setSourceMapsEnabled(true);
      return import(pathToFileURL(path.join(dir, 'cli.js')).href);
    }
  }
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(path.join(root, 'sim', 'cli.ts')).href, import.meta.url);
}
