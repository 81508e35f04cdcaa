/**
 * The output formats, declared once: zod schemas of the JSON files and the columns of the
 * CSV tables, imported by the writers (sim/engine) and the readers (the viewer). No node-only
 * imports, so the viewer's bundle can include them.
 */
export * from './formatTag.ts';
export * from './runManifest.ts';
export * from './framesHeader.ts';
export * from './experimentManifest.ts';
export * from './experimentTables.ts';
export * from './transferManifest.ts';
export * from './calibrationManifest.ts';
