import { describe, expect, it } from 'vitest';
import type { CypherResult } from '../../../../server/api/types.ts';
import { formatCell, nodeCaption, resultGraph } from './result-graph.ts';

const dmitriev = {
  id: '4:a:1',
  labels: ['Actor', 'Person'],
  properties: { name: 'Kirill Dmitriev', kind: 'person' },
};
const reject = {
  id: '4:a:2',
  labels: ['Event'],
  properties: { type: 'REJECT', date: '2025-12-20', score: -2 },
};
const r: CypherResult = {
  columns: ['a', 'e'],
  rows: [[dmitriev, reject]],
  graph: {
    nodes: [dmitriev, reject],
    relationships: [
      { id: 'r1', type: 'PERFORMED', start: '4:a:1', end: '4:a:2', properties: {} },
      { id: 'r2', type: 'ABOUT', start: '4:a:1', end: 'missing', properties: {} },
    ],
  },
  truncated: false,
  ms: 3,
};

describe('cypher results', () => {
  it('draws nodes with captions and the relationships between them', () => {
    const g = resultGraph(r);
    expect(g.order).toBe(2);
    expect(g.size).toBe(1);
    expect(g.getNodeAttribute('4:a:1', 'label')).toBe('Kirill Dmitriev');
    expect(g.getNodeAttribute('4:a:2', 'label')).toBe('REJECT 2025-12-20');
  });
  it('formats cells as text', () => {
    expect(formatCell(dmitriev)).toBe('(:Actor:Person Kirill Dmitriev)');
    expect(formatCell(null)).toBe('');
    expect(formatCell(3)).toBe('3');
    expect(formatCell(['a', 1])).toBe('[a, 1]');
    expect(formatCell({ x: 1 })).toBe('{"x":1}');
    expect(formatCell('<script>')).toBe('<script>');
    expect(formatCell({ id: 'r', type: 'SAID', start: 'a', end: 'b', properties: {} })).toBe(
      '[:SAID]',
    );
    expect(nodeCaption({ id: 'z', labels: [], properties: {} })).toBe('z');
  });
});
