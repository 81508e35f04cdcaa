import { FieldReader } from './checkFields.ts';
import { ViewerError } from './viewerError.ts';

/** The frames format version this viewer reads (sim/engine/frames.ts). */
export const FRAMES_FORMAT_VERSION = 1;

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

export function readFramesHeader(file: string, json: Record<string, unknown>): FramesHeader {
  const f = new FieldReader(file, json);
  f.format('icity-frames', FRAMES_FORMAT_VERSION);
  const width = f.count('width');
  const height = f.count('height');
  const gridBytes = f.count('gridBytes');
  const paddingBytes = f.count('paddingBytes');
  const districtBytes = f.count('districtBytes');
  const frameBytes = f.count('frameBytes');
  const metrics = f.array('districtMetrics').map((m, i) => {
    const r = new FieldReader(`${file} districtMetrics[${i}]`, m as Record<string, unknown>);
    return { name: r.string('name'), unit: r.string('unit'), description: r.string('description') };
  });
  const boxes = f.array('districts').map((d, i) => {
    const box = (d as { box?: unknown }).box;
    if (!Array.isArray(box) || box.length !== 4 || !box.every((v) => Number.isInteger(v))) throw new ViewerError(file, `districts[${i}].box is not [x0, y0, x1, y1]`);
    return box as [number, number, number, number];
  });
  const days = f.array('days');
  if (!days.every((d) => Number.isInteger(d))) throw new ViewerError(file, 'field "days" is not a list of whole days');
  if (f.optional('complete') !== true) throw new ViewerError(file, 'says the frames are not complete (the run was interrupted)', 'Run it again.');
  const problems: string[] = [];
  if (gridBytes !== width * height) problems.push(`gridBytes ${gridBytes} is not width × height = ${width * height}`);
  if (districtBytes !== boxes.length * metrics.length * 4) problems.push(`districtBytes ${districtBytes} is not 4 × ${boxes.length} districts × ${metrics.length} metrics`);
  if (frameBytes !== gridBytes + paddingBytes + districtBytes) problems.push(`frameBytes ${frameBytes} is not the sum of its parts`);
  if ((gridBytes + paddingBytes) % 4 !== 0) problems.push('the district aggregates are not aligned to 4 bytes');
  if (days.length === 0) problems.push('no recorded days');
  if (problems.length) throw new ViewerError(file, problems.join('; '));
  return {
    width,
    height,
    groups: f.array('groups').map(String),
    boxes,
    metrics,
    gridBytes,
    districtOffset: gridBytes + paddingBytes,
    frameBytes,
    days: days as number[],
  };
}
