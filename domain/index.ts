// Parley's shared vocabulary: the PLOVER ontology, actor kinds, sectors, the shape of a
// revision's diff and the sentence diff of two texts (with the figures that changed). Ingest,
// server and viewer import it; it imports nothing.
export * from './actors.ts';
export * from './changes.ts';
export * from './days.ts';
export * from './diff.ts';
export * from './plover.ts';
export * from './sectors.ts';
export * from './text-diff.ts';
