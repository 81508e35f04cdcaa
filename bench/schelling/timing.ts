/**
 * Wall-clock timing of the stepping, with the optional budget: every peer times its steps
 * through this one function, so "seconds of stepping" means the same thing for all of them.
 */

export function seconds(): number {
  return performance.now() / 1000;
}

export interface TimedSteps {
  stepsRun: number;
  stepSeconds: number;
  /** CPU time of the whole process (all threads) over the same steps: robust to other load on the machine. */
  stepCpuSeconds: number;
}

/**
 * Runs `step` up to `steps` times and stops early after the step that takes the total past
 * `maxSeconds`. The clock is read between steps only, so it adds nothing inside a step.
 */
export function timeSteps(step: () => void, steps: number, maxSeconds = Number.POSITIVE_INFINITY): TimedSteps {
  const cpuStart = process.cpuUsage();
  const start = seconds();
  let stepsRun = 0;
  let elapsed = 0;
  while (stepsRun < steps) {
    step();
    stepsRun++;
    elapsed = seconds() - start;
    if (elapsed >= maxSeconds) break;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { stepsRun, stepSeconds: elapsed, stepCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
