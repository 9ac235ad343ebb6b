// A report's revision plan as the current extractor makes it, without Neo4j: the same ids the
// write would give (ingest/graph/ids.ts). `parley eval --curations` compares analysts'
// corrections with it (curation/evaluate.ts).
import { extractorLabel, parleyExtractor, type Extractor } from './extract/extractor.ts';
import { countryName } from './extract/gazetteer/index.ts';
import type { ReportMeta } from './extract/types.ts';
import { contentHash } from './graph/ids.ts';
import { planRevision, type GraphPlan } from './graph/plan.ts';

export function planReport(
  text: string,
  meta: ReportMeta,
  extractor: Extractor = parleyExtractor,
): GraphPlan {
  const label = extractorLabel(extractor);
  const hash = contentHash(text, meta, label);
  return planRevision(extractor.extract(text, meta), meta, hash, countryName, label);
}
