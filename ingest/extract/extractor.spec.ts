import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../nlp/models.ts';
import { EXTRACTION_MODELS, parleyExtractor } from './extractor.ts';

describe('parleyExtractor.version', () => {
  // The version is part of a revision's content hash: if a retrained model did not change it,
  // re-ingesting a report would say "unchanged" while the new model extracts it differently.
  it.each(EXTRACTION_MODELS.map((m) => [m]))('names the %s model by its digest', (m) => {
    const digest = createHash('sha256')
      .update(readFileSync(modelPath(m)))
      .digest('hex');
    expect(parleyExtractor.version).toContain(`${m}.${digest.slice(0, 12)}`);
  });

  it('covers the dependency parser, which the segment stage runs on every sentence', () => {
    expect(EXTRACTION_MODELS).toContain('parser');
  });
});
