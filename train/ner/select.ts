// Choosing the entity recognizer's settings on held-out data only, never on the test splits:
// trains without UNER EWT dev and without every 10th sentence of Wikigold, BTC news and re3d
// (the "news split"), and scores on those two. The model card's choices come from this:
//   nice -n 10 npx tsx train/ner/select.ts [--passes 5,6,7] [--lexicon a.json.gz,b.json.gz]
import { parseArgs } from 'node:util';
import { train, type EntitySentence } from '../../ingest/nlp/entities.ts';
import { LEXICON_FILE, readLexicon } from '../../ingest/nlp/entity-lexicon.ts';
import { scoreEntities } from '../../ingest/nlp/evaluate.ts';
import { fetchCorpora } from './fetch.ts';
import { SOURCES } from './sources.ts';
import { corpus, ENTITY_ITERATIONS } from './train.ts';

/** Every 10th sentence of these sources is held out as news-like development text. */
const NEWS_SPLIT_SOURCES = ['wikigold', 'btc-news', 're3d'];
const DEV_SOURCE = 'uner-ewt-dev';

export function heldOutSplits(): {
  train: EntitySentence[];
  ewtDev: EntitySentence[];
  news: EntitySentence[];
} {
  const train: EntitySentence[] = [];
  const news: EntitySentence[] = [];
  for (const s of SOURCES.filter((x) => x.use === 'train' && x.name !== DEV_SOURCE)) {
    const sentences = corpus('train', s.name);
    if (!NEWS_SPLIT_SOURCES.includes(s.name)) train.push(...sentences);
    else sentences.forEach((x, i) => (i % 10 === 9 ? news : train).push(x));
  }
  return { train, ewtDev: corpus('train', DEV_SOURCE), news };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passes: { type: 'string', default: String(ENTITY_ITERATIONS) },
      lexicon: { type: 'string', default: LEXICON_FILE },
    },
  });
  await fetchCorpora(() => {});
  const { train: data, ewtDev, news } = heldOutSplits();
  console.log(`held out: train ${data.length}, EWT dev ${ewtDev.length}, news ${news.length}`);
  const f1 = (s: ReturnType<typeof scoreEntities>, type = 'all') =>
    (s.find((x) => x.type === type)?.f ?? 0).toFixed(3);
  for (const file of values.lexicon.split(','))
    for (const passes of values.passes.split(',').map(Number)) {
      const model = train(data, readLexicon(file), passes);
      const dev = scoreEntities(model, ewtDev);
      const nw = scoreEntities(model, news);
      console.log(
        `${file.split('/').pop()} passes ${passes}: EWT dev ${f1(dev)} ` +
          `(PER ${f1(dev, 'PER')} ORG ${f1(dev, 'ORG')} LOC ${f1(dev, 'LOC')}), ` +
          `news ${f1(nw)} (PER ${f1(nw, 'PER')} ORG ${f1(nw, 'ORG')} LOC ${f1(nw, 'LOC')})`,
      );
    }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
