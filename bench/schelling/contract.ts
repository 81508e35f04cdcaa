/**
 * The contract every Schelling peer (reference loop, flocc, agentscript, our engine) fulfils,
 * so the main benchmark can run them side by side and compare like with like.
 */

/** One benchmark cell: the same model parameters are handed to every peer. */
export interface SchellingParams {
  /** Grid width in cells; the grid wraps (torus). */
  width: number;
  /** Grid height in cells. */
  height: number;
  /** Share of cells occupied: exactly round(density * width * height) residents. */
  density: number;
  /** A resident is happy when similar / occupied neighbours >= threshold. */
  threshold: number;
  /** Steps to run. */
  steps: number;
  /** Seed for the shared initial layout and for the peer's own random stream. */
  seed: number;
  /**
   * Optional wall-clock budget for the stepping, in seconds. A peer stops after the step that
   * crosses it, so slow libraries at 1,000 x 1,000 finish in minutes; `stepsRun` then says how
   * many steps the rate was measured over.
   */
  maxSeconds?: number;
}

export interface SchellingResult {
  /** Residents on the grid (constant during a run). */
  residents: number;
  /** Seconds to build the peer's world from the shared layout (not part of the rate). */
  setupSeconds: number;
  /** Seconds spent in the `stepsRun` steps. */
  stepSeconds: number;
  /** Steps actually run: fewer than `steps` only when `maxSeconds` cut the run short. */
  stepsRun: number;
  /** residents * stepsRun / stepSeconds. Extrapolated from early steps when cut short. */
  updatesPerSecond: number;
  /** CPU seconds of the process (all threads) in the `stepsRun` steps. */
  stepCpuSeconds: number;
  /**
   * residents * stepsRun / stepCpuSeconds: for a single-threaded runner, the rate it would
   * have on a machine with nothing else running, as other processes' load does not count.
   */
  updatesPerCpuSecond: number;
  /** Relocations performed over the run: a cheap check that peers ran the same dynamics. */
  moves: number;
  /** NetLogo's percent-similar of the initial layout (identical for every peer at a given seed). */
  initialPercentSimilar: number;
  /** NetLogo's percent-similar after the last step run. */
  percentSimilar: number;
  /** Share of residents unhappy after the last step run, in [0, 1]. */
  unhappyShare: number;
}

export type SchellingRunner = (params: SchellingParams) => SchellingResult;

/** A peer as the main benchmark iterates them. */
export interface SchellingPeer {
  name: string;
  /** The library's installed version (from its package.json), or what the peer runs on. */
  version: string;
  /** One line on what model code the peer runs (see README.md for the deviations). */
  runs: string;
  run: SchellingRunner;
}
