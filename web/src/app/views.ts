// The registry of views: the tabs in order (their keys are 1, 2, 3, …). The first one opens by
// default. Add a view by writing web/src/views/<name>.ts and listing it here.
import type { ViewDef } from './view.ts';
import { changesView } from '../views/changes.ts';
import { consoleView } from '../views/console.ts';
import { documentsView } from '../views/documents.ts';
import { investigationsView } from '../views/investigations.ts';
import { mapView } from '../views/map.ts';
import { networkView } from '../views/network.ts';

export const VIEWS: readonly ViewDef[] = [
  networkView,
  consoleView,
  documentsView,
  mapView,
  investigationsView,
  changesView,
];

export const VIEW_IDS = VIEWS.map((v) => v.id);
