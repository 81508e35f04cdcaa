import { FRAMES_FORMAT, FRAMES_FORMAT_VERSION, framesHeaderSchema } from '../../../sim/formats/framesHeader.ts';
import { parseFormat } from './parseFormat.ts';

export interface DistrictMetric {
  name: string;
  unit: string;
  description: string;
}

/** frames.json, checked: the layout of every frame in frames.bin. */
export interface FramesHeader {
  width: number;
  height: number;
  groups: string[];
  /** Each district's box [x0, y0, x1, y1) in dwellings. */
  boxes: [number, number, number, number][];
  metrics: DistrictMetric[];
  gridBytes: number;
  /** Byte offset of the district aggregates inside a frame. */
  districtOffset: number;
  frameBytes: number;
  days: number[];
}

/** Checks frames.json against its format (sim/formats/framesHeader.ts). */
export function readFramesHeader(file: string, json: unknown): FramesHeader {
  const h = parseFormat(file, json, framesHeaderSchema, FRAMES_FORMAT, FRAMES_FORMAT_VERSION);
  return {
    width: h.width,
    height: h.height,
    groups: h.groups,
    boxes: h.districts.map((d) => d.box),
    metrics: h.districtMetrics.map(({ name, unit, description }) => ({ name, unit, description })),
    gridBytes: h.gridBytes,
    districtOffset: h.gridBytes + h.paddingBytes,
    frameBytes: h.frameBytes,
    days: h.days,
  };
}
