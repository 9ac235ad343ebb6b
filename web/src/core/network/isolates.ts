// Isolates: actors with no relationship to another drawn actor under the current filter. They
// are left out of the drawn network by default (a count and a toggle bring them back).
import type { Network, NetworkNode } from '../../../../server/api/types.ts';

export interface SplitNetwork {
  /** The actors with at least one relationship, and every edge. */
  connected: Network;
  /** The others, most active first. */
  isolates: NetworkNode[];
}

export function splitIsolates(net: Network): SplitNetwork {
  const ids = new Set(net.nodes.map((n) => n.id));
  const linked = new Set<string>();
  for (const e of net.edges) {
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) continue;
    linked.add(e.source);
    linked.add(e.target);
  }
  // Tied to a fold (the country's other actors) is a relationship too.
  for (const e of net.folded?.edges ?? []) linked.add(e.source).add(e.target);
  const isolates = net.nodes.filter((n) => !linked.has(n.id));
  return {
    connected: { ...net, nodes: net.nodes.filter((n) => linked.has(n.id)) },
    isolates: isolates.sort(
      (a, b) => b.events + b.statements - (a.events + a.statements) || a.name.localeCompare(b.name),
    ),
  };
}

/** The network to draw: all of it, or without its isolates. */
export function drawnNetwork(net: Network, showIsolates: boolean): Network {
  return showIsolates ? net : splitIsolates(net).connected;
}
