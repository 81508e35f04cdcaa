/**
 * The library API of Interethnic City. Researchers can build, step and inspect a city from
 * TypeScript; the `icity` command is a thin layer over the same functions.
 */
export { dissimilarity, isolation, exposure, theilH, mutualInformation, entropy } from './model/indices/index.ts';
export type { Scenario, ScenarioInput } from '../scenarios/schema/scenario.ts';
export { scenarioSchema } from './policies/scenarioSchema.ts';
export { parseScenario, loadScenario } from './engine/loadScenario.ts';
export { Simulation, type SimulationOptions } from './engine/simulation.ts';
export { runCity, type RunOptions, type RunSummary } from './engine/runCity.ts';
export { parallelFor } from './engine/parallel/parallelFor.ts';
export { INDICATORS, INDICATOR_NAMES, DISTRICT_INDICATORS, type Indicator, type IndicatorName, type IndicatorValues } from './model/indicators.ts';
export { InputError } from './engine/inputError.ts';
export { experimentSchema, type Experiment, type ExperimentInput } from '../scenarios/schema/experiment.ts';
export { loadExperiment, type ExperimentPlan } from './engine/experiment/loadExperiment.ts';
export { runExperiment, type ExperimentOptions, type ExperimentResult } from './engine/experiment/runExperiment.ts';
export { summarise, MissingRunsError, type Summary, type SummaryRow } from './engine/experiment/summarise.ts';
export { tQuantile, tCdf } from './engine/experiment/tQuantile.ts';
export { morrisTrajectories, morrisStep, type Trajectory } from './engine/experiment/design/morrisTrajectories.ts';
export { morrisIndices, type MorrisIndex } from './engine/experiment/design/morrisIndices.ts';
export { latinHypercube } from './engine/experiment/design/latinHypercube.ts';
export { designRandom } from './engine/experiment/design/designRandom.ts';
