import { z } from 'zod';
import { formatTag } from './formatTag.ts';

/**
 * frames.json, the header of frames.bin: what the viewer needs to replay a run. frames.bin
 * is a sequence of equal-sized frames, one per recorded day, in day order; each frame is the
 * dwelling grid (one byte per dwelling, row-major: 0 vacant, k = group k-1), zero padding to
 * a multiple of 4 bytes, then the district aggregates as little-endian float32,
 * district-major. From Python:
 *   np.fromfile('frames.bin', np.uint8).reshape(len(days), frameBytes)
 */
export const FRAMES_FORMAT = 'icity-frames';
export const FRAMES_FORMAT_VERSION = 1;

const box = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]);

export const framesHeaderSchema = z
  .looseObject({
    ...formatTag(FRAMES_FORMAT, FRAMES_FORMAT_VERSION),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    groups: z.array(z.string()),
    /** Each district's box [x0, y0, x1, y1) in dwellings. */
    districts: z.array(z.looseObject({ id: z.number().int(), box })),
    districtMetrics: z.array(z.looseObject({ name: z.string(), unit: z.string(), description: z.string() })),
    gridBytes: z.number().int().min(0),
    paddingBytes: z.number().int().min(0),
    districtBytes: z.number().int().min(0),
    frameBytes: z.number().int().min(0),
    days: z.array(z.number().int()),
    /** False while the run is writing: a killed run leaves frames that say so. */
    complete: z.boolean(),
  })
  .superRefine((h, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message, input: h });
    if (!h.complete) problem('says the frames are not complete (the run was interrupted)');
    if (h.gridBytes !== h.width * h.height) problem(`gridBytes ${h.gridBytes} is not width × height = ${h.width * h.height}`);
    const districtBytes = h.districts.length * h.districtMetrics.length * 4;
    if (h.districtBytes !== districtBytes)
      problem(`districtBytes ${h.districtBytes} is not 4 × ${h.districts.length} districts × ${h.districtMetrics.length} metrics`);
    if (h.frameBytes !== h.gridBytes + h.paddingBytes + h.districtBytes) problem(`frameBytes ${h.frameBytes} is not the sum of its parts`);
    if ((h.gridBytes + h.paddingBytes) % 4 !== 0) problem('the district aggregates are not aligned to 4 bytes');
    if (h.days.length === 0) problem('no recorded days');
  });

export type FramesHeaderFile = z.infer<typeof framesHeaderSchema>;
