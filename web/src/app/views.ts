// The registry of views: the tabs in order (their keys are 1, 2, 3, …). The first one opens by
// default. Add a view by writing web/src/views/<name>.ts and listing its tab here. Each view's
// body is a chunk of its own, loaded when it is first needed: the map opened first parses
// neither sigma nor graphology nor CodeMirror before it draws.
import type { ViewTab } from './view.ts';
import { LIST_VIEW } from '../core/investigations/view-state.ts';

export const VIEWS: readonly ViewTab[] = [
  {
    id: 'network',
    label: 'Network',
    rail: true,
    load: async () => (await import('../views/network.ts')).networkView,
  },
  {
    id: 'console',
    label: 'Cypher console',
    load: async () => (await import('../views/console.ts')).consoleView,
  },
  {
    id: 'documents',
    label: 'Documents',
    load: async () => (await import('../views/documents.ts')).documentsView,
  },
  {
    id: 'map',
    label: 'Map',
    rail: true,
    load: async () => (await import('../views/map.ts')).mapView,
  },
  {
    id: LIST_VIEW,
    label: 'Investigations',
    load: async () => (await import('../views/investigations.ts')).investigationsView,
  },
  {
    id: 'changes',
    label: 'Changes',
    // The watched actors' changes since the analyst last looked.
    badge: (s) => s.unseen,
    load: async () => (await import('../views/changes.ts')).changesView,
  },
];

export const VIEW_IDS = VIEWS.map((v) => v.id);
