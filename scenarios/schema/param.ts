import { z } from 'zod';

/**
 * Builders for scenario parameters. Every parameter carries a description and a unit in
 * its metadata, so the JSON Schema, `icity schema`, the docs and the error messages all
 * speak from the same source.
 */
export interface ParamDoc {
  description: string;
  unit: string;
  /** Where the default comes from: a citation, or "assumed". */
  source?: string;
}

export function share(def: number, doc: ParamDoc) {
  return z
    .number()
    .min(0)
    .max(1)
    .default(def)
    .meta({ ...doc });
}

export function real(def: number, min: number, max: number, doc: ParamDoc) {
  return z
    .number()
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...doc });
}

export function int(def: number, min: number, max: number, doc: ParamDoc) {
  return z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...doc });
}

export function flag(def: boolean, doc: Omit<ParamDoc, 'unit'>) {
  return z
    .boolean()
    .default(def)
    .meta({ ...doc, unit: 'true/false' });
}

/** A nested section: unknown keys are errors, and omitted fields take their defaults. */
export function section<T extends z.ZodRawShape>(shape: T, description: string) {
  // prefault (not default) so that the section's own field defaults apply to the {}.
  return z
    .strictObject(shape)
    .prefault({} as never)
    .meta({ description });
}
