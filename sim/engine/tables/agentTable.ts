import type { World } from '../../model/world.ts';
import { AGENT_COLUMNS, agentBatches } from '../agents.ts';
import { DAY_COLUMN } from './metricColumns.ts';
import { Tables, type TableFile } from './outputFormat.ts';

/**
 * Residents written a batch (one row group) at a time: the end-of-run snapshot (agents.*),
 * or with `panel` a long table of snapshots (panel.*) whose first column is the day.
 */
export class AgentTable {
  private readonly tables: Tables;

  constructor(
    base: string,
    files: readonly TableFile[],
    private readonly panel: boolean,
    meta: Record<string, string> = {},
  ) {
    this.tables = new Tables(base, files, panel ? [DAY_COLUMN, ...AGENT_COLUMNS] : AGENT_COLUMNS, meta);
  }

  write(world: World, day: number): void {
    for (const batch of agentBatches(world, day)) this.tables.writeRowGroup(this.panel ? [new Int32Array(batch[0].length).fill(day), ...batch] : batch);
  }

  close(): void {
    this.tables.close();
  }

  abandon(): void {
    this.tables.abandon();
  }
}
