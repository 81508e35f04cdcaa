import fs from 'node:fs';
import path from 'node:path';
import type { World } from '../model/world.ts';
import type { Census } from '../model/census.ts';
import { DISTRICT_INDICATORS } from '../model/indicators.ts';
import { districtBox, type Grid } from '../model/grid.ts';

import { FRAMES_FORMAT, FRAMES_FORMAT_VERSION, type FramesHeaderFile } from '../formats/framesHeader.ts';

/** Writes frames.bin and its header frames.json (the format is in sim/formats/framesHeader.ts). */

export class FramesWriter {
  private readonly fd: number;
  private readonly frame: Uint8Array;
  private readonly districtValues: Float32Array;
  readonly header: FramesHeaderFile;

  constructor(
    private readonly dir: string,
    world: World,
    grid: Grid,
  ) {
    const gridBytes = world.sizes.width * world.sizes.height;
    const paddingBytes = (4 - (gridBytes % 4)) % 4;
    const D = world.sizes.districts;
    const M = DISTRICT_INDICATORS.length;
    this.header = {
      format: FRAMES_FORMAT,
      formatVersion: FRAMES_FORMAT_VERSION,
      width: world.sizes.width,
      height: world.sizes.height,
      groups: world.scenario.population.groups.map((g) => g.name),
      districts: Array.from({ length: D }, (_, d) => ({ id: d, box: districtBox(grid, d) })),
      districtMetrics: DISTRICT_INDICATORS.map(({ name, unit, description }) => ({ name, unit, description })),
      gridBytes,
      paddingBytes,
      districtBytes: D * M * 4,
      frameBytes: gridBytes + paddingBytes + D * M * 4,
      days: [],
      complete: false,
    };
    this.frame = new Uint8Array(this.header.frameBytes);
    this.districtValues = new Float32Array(this.frame.buffer, gridBytes + paddingBytes, D * M);
    this.fd = fs.openSync(path.join(dir, 'frames.bin'), 'w');
  }

  write(day: number, world: World, census: Census): void {
    this.frame.set(world.dwellings.cell, 0);
    const D = world.sizes.districts;
    const M = DISTRICT_INDICATORS.length;
    for (let d = 0; d < D; d++) for (let m = 0; m < M; m++) this.districtValues[d * M + m] = DISTRICT_INDICATORS[m].value(census, d);
    fs.writeSync(this.fd, this.frame);
    this.header.days.push(day);
  }

  close(): void {
    fs.closeSync(this.fd);
    this.header.complete = true;
    fs.writeFileSync(path.join(this.dir, 'frames.json'), JSON.stringify(this.header, null, 1) + '\n');
  }
}
