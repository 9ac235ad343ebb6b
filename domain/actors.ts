// The kinds of actor Parley recognizes, in the order filters and legends list them.

export const ACTOR_KINDS = ['person', 'state', 'organization', 'group'] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number];

/** How a kind is named to a reader. */
export const KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  state: 'State',
  organization: 'Organization',
  group: 'Group',
};
