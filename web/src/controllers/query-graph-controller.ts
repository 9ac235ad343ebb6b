// A second, small sigma instance that draws the nodes and relationships of a Cypher result.
import type { AbstractGraph } from 'graphology-types';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import { cjsDefault } from '../app/cjs.ts';
import Sigma from 'sigma';
import type { ResultNodeAttrs } from '../core/cypher/result-graph.ts';

const forceAtlas2 = cjsDefault<typeof forceAtlas2Module.default>(forceAtlas2Module);
const noverlap = cjsDefault<typeof noverlapModule.default>(noverlapModule);

export interface QueryGraph {
  show(g: AbstractGraph<ResultNodeAttrs>): void;
  nodePosition(id: string): { x: number; y: number } | null;
  order(): number;
  /** Relationships drawn. */
  size(): number;
}

export function createQueryGraph(container: HTMLElement): QueryGraph {
  let renderer: Sigma<ResultNodeAttrs> | null = null;
  let graph: AbstractGraph<ResultNodeAttrs> | null = null;
  return {
    show(g) {
      renderer?.kill();
      graph = g;
      // Results are small (the server caps rows): a synchronous layout is instant here.
      if (g.order > 1 && g.order <= 3000) {
        forceAtlas2.assign(g, {
          iterations: g.order > 500 ? 50 : 150,
          settings: { ...forceAtlas2.inferSettings(g), gravity: 2, scalingRatio: 8 },
        });
        noverlap.assign(g, { maxIterations: 50 });
      }
      renderer = new Sigma(g, container, {
        defaultEdgeType: 'arrow',
        renderEdgeLabels: true,
        labelSize: 12,
        labelColor: { color: '#1f2328' },
        edgeLabelSize: 10,
        labelRenderedSizeThreshold: 0,
        allowInvalidContainer: true,
      });
    },
    nodePosition(id) {
      if (!renderer || !graph?.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      const v = renderer.graphToViewport({ x: a.x, y: a.y });
      const r = container.getBoundingClientRect();
      return { x: r.left + v.x, y: r.top + v.y };
    },
    order: () => graph?.order ?? 0,
    size: () => graph?.size ?? 0,
  };
}
