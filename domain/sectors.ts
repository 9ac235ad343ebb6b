// The sectors an actor belongs to: CAMEO/PLOVER actor-type codes, as stored on Actor.sector.

export const SECTORS = {
  AGR: 'agriculture',
  BUS: 'business',
  COP: 'police',
  CVL: 'civilians',
  EDU: 'education',
  GOV: 'government',
  IGO: 'intergovernmental organization',
  JUD: 'judiciary',
  LAB: 'labour',
  LEG: 'legislature',
  MED: 'media',
  MIL: 'military',
  NGO: 'non-governmental organization',
  OPP: 'opposition',
  PTY: 'political party',
  REB: 'rebels',
  REF: 'refugees',
  REL: 'religion',
  SPY: 'intelligence',
} as const;

export type Sector = keyof typeof SECTORS;

export function isSector(s: string): s is Sector {
  return Object.hasOwn(SECTORS, s);
}
