// graphology-gexf's writer alone: its browser entry also loads a parser that needs DOMParser.
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser/index.js';
  const writer: typeof write;
  export default writer;
}
