// Parley's shared vocabulary: the PLOVER ontology, actor kinds, sectors and the shape of a
// revision's diff. Ingest, server and viewer import it; it imports nothing.
export * from './actors.ts';
export * from './days.ts';
export * from './diff.ts';
export * from './plover.ts';
export * from './sectors.ts';
