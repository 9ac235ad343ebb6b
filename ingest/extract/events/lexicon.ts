// PLOVER trigger lexicon: verbs (by lemma) and event nouns (after light verbs such as "hold",
// "impose", "launch"), each with its category and mode. Parley's own list.
import { ONTOLOGY, type PloverCategory, type Quad } from '../../../domain/index.ts';
import { dictionary } from '../dictionary.ts';

export interface VerbSense {
  type: PloverCategory;
  mode?: string;
  /** The sense needs one of these words within the next few tokens ("sit with", "press for"). */
  needs?: string[];
  /** The sense needs one of these noun lemmas as object within the next few tokens. */
  objects?: string[];
  /** `objects` must be the direct object itself, not any word after the verb. */
  direct?: boolean;
  /** Not this sense when its direct object (or passive subject) is one of these ("meet its
   * commitments", "the statement was released"). */
  notObjects?: string[];
  /** Not this sense with a that-clause: "shared that tanks will arrive" reports speech. */
  notClause?: boolean;
  /** Only without a direct object: "protesters demonstrated", not "demonstrated leadership". */
  intransitive?: boolean;
  /**
   * Only with a party as its object: "warned Israel against an attack" threatens Israel; "warned
   * that …" reports speech and "warned residents" advises people of no office.
   */
  party?: boolean;
}

const AID_NOUNS = [
  'aid',
  'loan',
  'assistance',
  'grant',
  'credit',
  'fund',
  'funding',
  'money',
  'dollar',
  'weapon',
  'arm',
  'supply',
  'food',
  'relief',
  'asylum',
  'support',
  'intelligence',
  'equipment',
  'ammunition',
  'photograph',
  'euro',
  'billion',
  'million',
];
/** A sum of money in the object makes giving, announcing or releasing it aid. */
const MONEY = ['$', 'million', 'billion', 'dollar', 'euro', 'fund', 'funding'];
const AID_OBJECTS = [...MONEY, 'aid', 'assistance', 'relief', 'response', 'package'];
/** What is released or published, not freed: a text, not a prisoner. */
const DOCUMENTS = [
  'statement',
  'text',
  'report',
  'document',
  'video',
  'footage',
  'photo',
  'image',
  'transcript',
  'readout',
  'list',
  'data',
  'figure',
  'detail',
  'finding',
  'result',
  'version',
];
/** Obligations one meets or shares without meeting or sharing with anyone. */
const NOT_MET = [
  'commitment',
  'obligation',
  'demand',
  'target',
  'deadline',
  'need',
  'requirement',
  'standard',
  'criterion',
  'expectation',
  'goal',
  'challenge',
  'threshold',
  'condition',
];
const NOT_SHARED = [
  'value',
  'view',
  'concern',
  'goal',
  'vision',
  'belief',
  'border',
  'interest',
  'commitment',
  'responsibility',
  'history',
  'plan',
  'priority',
  'thought',
  'sentiment',
];
const TRUCES = ['truce', 'ceasefire', 'cease-fire', 'armistice', 'moratorium', 'agreement', 'deal'];
const HEAVY = ['howitzer', 'artillery', 'shell', 'rocket', 'missile', 'mortar', 'tank', 'cannon'];

/** Senses per verb lemma, most specific first. */
export const VERBS: ReadonlyMap<string, VerbSense[]> = dictionary({
  // verbal cooperation
  agree: [{ type: 'AGREE' }],
  promise: [{ type: 'AGREE' }],
  pledge: [{ type: 'AGREE' }],
  offer: [{ type: 'AGREE' }],
  propose: [{ type: 'AGREE' }],
  float: [{ type: 'AGREE', objects: ['idea', 'proposal', 'plan'] }],
  commit: [{ type: 'AGREE', needs: ['to'] }],
  consent: [{ type: 'AGREE' }],
  accept: [{ type: 'CONCEDE', objects: ['demand', 'condition', 'term'] }, { type: 'AGREE' }],
  meet: [{ type: 'CONSULT', notObjects: NOT_MET }],
  visit: [{ type: 'CONSULT', mode: 'visit' }],
  host: [{ type: 'CONSULT', mode: 'visit' }],
  greet: [{ type: 'CONSULT' }],
  receive: [{ type: 'AID', objects: AID_NOUNS }],
  talk: [{ type: 'CONSULT', needs: ['with', 'to'] }],
  speak: [{ type: 'CONSULT', needs: ['with'] }],
  travel: [{ type: 'CONSULT', mode: 'visit', needs: ['to'] }],
  negotiate: [{ type: 'CONSULT' }],
  consult: [{ type: 'CONSULT' }],
  confer: [{ type: 'CONSULT' }],
  convene: [{ type: 'CONSULT' }],
  liaise: [{ type: 'CONSULT' }],
  discuss: [{ type: 'CONSULT', needs: ['with'] }],
  sit: [{ type: 'CONSULT', needs: ['with', 'down'] }],
  mediate: [{ type: 'CONSULT', mode: 'third-party' }],
  phone: [{ type: 'CONSULT', mode: 'phone' }],
  telephone: [{ type: 'CONSULT', mode: 'phone' }],
  join: [{ type: 'CONSULT', objects: ['talk', 'negotiation', 'meeting', 'summit'] }],
  support: [{ type: 'SUPPORT' }],
  // Approving aid gives it; approving sanctions imposes them ("approved a new aid package").
  approve: [
    { type: 'AID', objects: AID_OBJECTS, direct: true },
    { type: 'SANCTION', objects: ['sanction', 'embargo'], direct: true },
    { type: 'SUPPORT' },
  ],
  adopt: [{ type: 'SANCTION', objects: ['sanction', 'embargo'], direct: true }],
  ratify: [{ type: 'AGREE' }],
  back: [{ type: 'AID', needs: ['with'], objects: AID_NOUNS }, { type: 'SUPPORT' }],
  endorse: [{ type: 'SUPPORT' }],
  praise: [{ type: 'SUPPORT' }],
  thank: [{ type: 'SUPPORT' }],
  commend: [{ type: 'SUPPORT' }],
  hail: [{ type: 'SUPPORT' }],
  welcome: [{ type: 'SUPPORT' }],
  applaud: [{ type: 'SUPPORT' }],
  defend: [{ type: 'SUPPORT' }],
  forgive: [{ type: 'SUPPORT' }],
  recognize: [{ type: 'SUPPORT' }],
  establish: [{ type: 'SUPPORT', objects: ['tie', 'relation', 'relationship'] }],
  concede: [{ type: 'CONCEDE' }],
  allow: [{ type: 'CONCEDE' }],
  permit: [{ type: 'CONCEDE' }],
  ease: [{ type: 'CONCEDE' }],
  lift: [{ type: 'RETREAT', objects: ['blockade', 'siege'] }, { type: 'CONCEDE' }],
  shorten: [{ type: 'CONCEDE' }],
  release: [
    { type: 'AID', objects: MONEY },
    { type: 'CONCEDE', notObjects: DOCUMENTS },
  ],
  announce: [{ type: 'AID', objects: AID_OBJECTS, direct: true }],
  free: [{ type: 'CONCEDE' }],
  pardon: [{ type: 'CONCEDE' }],
  cede: [{ type: 'CONCEDE' }],
  // material cooperation
  cooperate: [{ type: 'COOPERATE' }],
  collaborate: [{ type: 'COOPERATE' }],
  share: [{ type: 'COOPERATE', notObjects: NOT_SHARED, notClause: true }],
  aid: [{ type: 'AID' }],
  give: [{ type: 'AID', objects: AID_NOUNS }],
  // "provided an opportunity to discuss …", "provided an update on …": no aid given.
  provide: [{ type: 'AID', notObjects: ['opportunity', 'chance', 'platform', 'forum', 'update'] }],
  supply: [{ type: 'AID' }],
  send: [{ type: 'AID', objects: AID_NOUNS }],
  extend: [
    { type: 'AGREE', objects: TRUCES },
    { type: 'AID', objects: AID_NOUNS },
  ],
  donate: [{ type: 'AID' }],
  grant: [{ type: 'AID' }],
  deliver: [{ type: 'AID', objects: AID_NOUNS }],
  fund: [{ type: 'AID' }],
  finance: [{ type: 'AID' }],
  lend: [{ type: 'AID' }],
  // Withdrawing troops is a retreat; withdrawing inspectors, aid or envoys cuts cooperation.
  withdraw: [
    {
      type: 'SANCTION',
      objects: [
        'inspector',
        'aid',
        'ambassador',
        'envoy',
        'diplomat',
        'peacekeeper',
        'peacekeeping',
        'support',
        'worker',
        'staff',
        'observer',
        'monitor',
        'recognition',
        'funding',
      ],
    },
    { type: 'RETREAT' },
  ],
  pull: [{ type: 'RETREAT', needs: ['out', 'back'] }],
  prohibit: [{ type: 'SANCTION' }],
  retreat: [{ type: 'RETREAT' }],
  evacuate: [{ type: 'RETREAT' }],
  surrender: [{ type: 'RETREAT' }],
  resign: [{ type: 'RETREAT' }],
  demobilize: [{ type: 'RETREAT' }],
  disarm: [{ type: 'RETREAT' }],
  // verbal conflict
  demand: [{ type: 'REQUEST' }],
  request: [{ type: 'REQUEST' }],
  urge: [{ type: 'REQUEST' }],
  appeal: [{ type: 'REQUEST' }],
  ask: [{ type: 'REQUEST' }],
  seek: [{ type: 'REQUEST' }],
  press: [
    { type: 'REQUEST', needs: ['for'] },
    { type: 'ASSAULT', objects: ['campaign', 'offensive', 'attack'] },
  ],
  push: [{ type: 'REQUEST', needs: ['for'] }],
  call: [{ type: 'REQUEST', needs: ['for', 'on', 'upon'] }],
  order: [
    { type: 'MOBILIZE', objects: ['patrol', 'troop', 'deployment', 'mobilization'] },
    { type: 'REQUEST' },
  ],
  accuse: [{ type: 'ACCUSE' }],
  blame: [{ type: 'ACCUSE' }],
  criticize: [{ type: 'ACCUSE' }],
  criticise: [{ type: 'ACCUSE' }],
  condemn: [{ type: 'ACCUSE' }],
  denounce: [{ type: 'ACCUSE' }],
  deplore: [{ type: 'ACCUSE' }],
  charge: [{ type: 'ACCUSE' }],
  sue: [{ type: 'ACCUSE' }],
  complain: [{ type: 'ACCUSE' }],
  investigate: [{ type: 'ACCUSE', mode: 'investigate' }],
  probe: [{ type: 'ACCUSE', mode: 'investigate' }],
  summon: [{ type: 'ACCUSE' }],
  reject: [{ type: 'REJECT' }],
  deny: [
    {
      type: 'REJECT',
      objects: [
        'accusation',
        'allegation',
        'charge',
        'claim',
        'report',
        'request',
        'permission',
        'access',
        'entry',
      ],
    },
  ],
  refuse: [{ type: 'REJECT' }],
  decline: [{ type: 'REJECT', needs: ['to'] }],
  dismiss: [{ type: 'REJECT' }],
  veto: [{ type: 'REJECT' }],
  oppose: [{ type: 'REJECT' }],
  rebuff: [{ type: 'REJECT' }],
  spurn: [{ type: 'REJECT' }],
  snub: [{ type: 'REJECT' }],
  sidestep: [{ type: 'REJECT' }],
  renege: [{ type: 'REJECT' }],
  violate: [{ type: 'REJECT' }],
  defy: [{ type: 'REJECT' }],
  threaten: [{ type: 'THREATEN' }],
  warn: [{ type: 'THREATEN', party: true }],
  swear: [{ type: 'THREATEN' }],
  vow: [{ type: 'THREATEN' }],
  // material conflict
  protest: [{ type: 'PROTEST' }],
  demonstrate: [{ type: 'PROTEST', intransitive: true }],
  rally: [{ type: 'PROTEST', intransitive: true }],
  march: [{ type: 'PROTEST', intransitive: true }],
  riot: [{ type: 'PROTEST' }],
  block: [{ type: 'PROTEST' }],
  blockade: [{ type: 'PROTEST' }],
  boycott: [{ type: 'PROTEST' }],
  sanction: [{ type: 'SANCTION' }],
  designate: [{ type: 'SANCTION' }],
  blacklist: [{ type: 'SANCTION' }],
  expel: [{ type: 'SANCTION' }],
  suspend: [{ type: 'SANCTION' }],
  embargo: [{ type: 'SANCTION' }],
  freeze: [{ type: 'SANCTION' }],
  sever: [{ type: 'SANCTION' }],
  recall: [{ type: 'SANCTION', objects: ['ambassador', 'envoy', 'diplomat'] }],
  halt: [{ type: 'SANCTION' }],
  stop: [{ type: 'PROTEST', objects: ['work'] }],
  // Mobilizing a response, aid or funds after a disaster is aid, not a military build-up.
  mobilize: [{ type: 'AID', objects: AID_OBJECTS }, { type: 'MOBILIZE' }],
  mobilise: [{ type: 'AID', objects: AID_OBJECTS }, { type: 'MOBILIZE' }],
  deploy: [{ type: 'AID', objects: AID_OBJECTS }, { type: 'MOBILIZE' }],
  mass: [{ type: 'MOBILIZE' }],
  reinforce: [{ type: 'MOBILIZE' }],
  arrest: [{ type: 'COERCE' }],
  detain: [{ type: 'COERCE' }],
  interrogate: [{ type: 'COERCE' }],
  imprison: [{ type: 'COERCE' }],
  jail: [{ type: 'COERCE' }],
  seize: [{ type: 'COERCE' }],
  confiscate: [{ type: 'COERCE' }],
  demolish: [{ type: 'COERCE' }],
  raze: [{ type: 'COERCE' }],
  deport: [{ type: 'COERCE' }],
  kidnap: [{ type: 'COERCE' }],
  abduct: [{ type: 'COERCE' }],
  hack: [{ type: 'COERCE' }],
  censor: [{ type: 'COERCE' }],
  ban: [{ type: 'COERCE' }],
  hold: [{ type: 'COERCE', objects: ['hostage', 'shield', 'prisoner', 'captive'] }],
  attack: [{ type: 'ASSAULT' }],
  strike: [{ type: 'ASSAULT' }],
  bomb: [{ type: 'ASSAULT', mode: 'aerial' }],
  shell: [{ type: 'ASSAULT', mode: 'heavy-weapons' }],
  bombard: [{ type: 'ASSAULT', mode: 'heavy-weapons' }],
  fire: [{ type: 'ASSAULT', mode: 'heavy-weapons', objects: HEAVY }, { type: 'ASSAULT' }],
  shoot: [{ type: 'ASSAULT' }],
  kill: [{ type: 'ASSAULT' }],
  wound: [{ type: 'ASSAULT' }],
  injure: [{ type: 'ASSAULT' }],
  invade: [{ type: 'ASSAULT' }],
  assault: [{ type: 'ASSAULT' }],
  torture: [{ type: 'ASSAULT' }],
  beat: [{ type: 'ASSAULT' }],
  assassinate: [{ type: 'ASSAULT' }],
  massacre: [{ type: 'ASSAULT' }],
  execute: [{ type: 'ASSAULT' }],
  raid: [{ type: 'ASSAULT' }],
  ambush: [{ type: 'ASSAULT' }],
  storm: [{ type: 'ASSAULT' }],
  retake: [{ type: 'ASSAULT' }],
  capture: [{ type: 'ASSAULT' }],
  clash: [{ type: 'ASSAULT' }],
  fight: [{ type: 'ASSAULT' }],
  hunt: [{ type: 'ASSAULT', needs: ['down'] }],
  drop: [{ type: 'ASSAULT', mode: 'aerial', objects: ['bomb', 'munition', 'explosive'] }],
  force: [{ type: 'ASSAULT', needs: ['out'] }],
  blow: [{ type: 'COERCE', needs: ['up'] }],
});

/** Event nouns after a light verb ("held talks", "imposed a curfew", "launched an investigation"). */
export const NOUNS: ReadonlyMap<string, { type: PloverCategory; mode?: string }> = dictionary({
  talk: { type: 'CONSULT' },
  meeting: { type: 'CONSULT' },
  summit: { type: 'CONSULT', mode: 'multilateral' },
  negotiation: { type: 'CONSULT' },
  consultation: { type: 'CONSULT' },
  mediation: { type: 'CONSULT', mode: 'third-party' },
  dialogue: { type: 'CONSULT' },
  visit: { type: 'CONSULT', mode: 'visit' },
  agreement: { type: 'AGREE' },
  accord: { type: 'AGREE' },
  pact: { type: 'AGREE' },
  treaty: { type: 'AGREE' },
  ceasefire: { type: 'AGREE' },
  truce: { type: 'AGREE' },
  tie: { type: 'SUPPORT' },
  relation: { type: 'SUPPORT' },
  step: { type: 'CONCEDE' },
  aid: { type: 'AID' },
  loan: { type: 'AID' },
  assistance: { type: 'AID' },
  grant: { type: 'AID' },
  asylum: { type: 'AID' },
  exercise: { type: 'COOPERATE' },
  game: { type: 'COOPERATE' },
  drill: { type: 'COOPERATE' },
  sanction: { type: 'SANCTION' },
  embargo: { type: 'SANCTION' },
  suspension: { type: 'SANCTION' },
  curfew: { type: 'COERCE' },
  blockade: { type: 'COERCE' },
  demonstration: { type: 'PROTEST' },
  protest: { type: 'PROTEST' },
  rally: { type: 'PROTEST' },
  strike: { type: 'PROTEST' },
  march: { type: 'PROTEST' },
  investigation: { type: 'ACCUSE', mode: 'investigate' },
  inquiry: { type: 'ACCUSE', mode: 'investigate' },
  probe: { type: 'ACCUSE', mode: 'investigate' },
  hearing: { type: 'ACCUSE', mode: 'investigate' },
  complaint: { type: 'ACCUSE' },
  lawsuit: { type: 'ACCUSE' },
  attack: { type: 'ASSAULT' },
  offensive: { type: 'ASSAULT' },
  invasion: { type: 'ASSAULT' },
  raid: { type: 'ASSAULT' },
  airstrike: { type: 'ASSAULT', mode: 'aerial' },
  bombing: { type: 'ASSAULT' },
  fire: { type: 'ASSAULT' },
  patrol: { type: 'MOBILIZE' },
  withdrawal: { type: 'RETREAT' },
  pullout: { type: 'RETREAT' },
  retreat: { type: 'RETREAT' },
  alert: { type: 'MOBILIZE' },
  appeal: { type: 'REQUEST' },
  demand: { type: 'REQUEST' },
});

/** Event nouns beyond those light verbs carry: nominal events with arguments of their own. */
export const EVENT_NOUNS: ReadonlyMap<string, { type: PloverCategory; mode?: string }> = dictionary(
  {
    ...Object.fromEntries(NOUNS),
    aggression: { type: 'ASSAULT' },
    removal: { type: 'SANCTION' },
    package: { type: 'AID' },
    arrest: { type: 'COERCE' },
    detention: { type: 'COERCE' },
    crackdown: { type: 'COERCE' },
    expulsion: { type: 'SANCTION' },
    designation: { type: 'SANCTION' },
    killing: { type: 'ASSAULT' },
    shelling: { type: 'ASSAULT', mode: 'heavy-weapons' },
    hostility: { type: 'ASSAULT' },
    warning: { type: 'THREATEN' },
    threat: { type: 'THREATEN' },
    call: { type: 'REQUEST' },
    request: { type: 'REQUEST' },
    condemnation: { type: 'ACCUSE' },
    accusation: { type: 'ACCUSE' },
    evacuation: { type: 'AID' },
    release: { type: 'CONCEDE' },
    trip: { type: 'CONSULT', mode: 'visit' },
    conference: { type: 'CONSULT', mode: 'multilateral' },
    deal: { type: 'AGREE' },
    declaration: { type: 'AGREE' },
  },
);

/**
 * Nouns that hold events rather than name one ("an aid package", "a package of sanctions", "a new
 * round of talks"): the event is what they hold. A package that says nothing of what it holds is
 * aid, as it is in the news ("a $2 billion package for Ukraine").
 */
export const CONTAINERS = new Set(['package', 'tranche', 'round', 'batch', 'series', 'wave']);

/** Words that make a "strike" military ("air strikes", "missile strikes") or labour. */
export const MILITARY_STRIKE = new Set([
  'air',
  'drone',
  'missile',
  'military',
  'rocket',
  'precision',
  'airstrike',
]);
/**
 * What an advisory warns of ("a travel warning", "a flood warning"): a warning named by such a
 * hazard is an advisory, not a threat, whoever it is given to.
 */
export const ADVISORY_HAZARDS = new Set([
  'travel',
  'weather',
  'storm',
  'flood',
  'heat',
  'fire',
  'tsunami',
  'hurricane',
  'tornado',
  'cyclone',
  'typhoon',
  'avalanche',
  'health',
  'safety',
  'terror',
  'terrorism',
]);
export const LABOUR_STRIKE = new Set(['hunger', 'general', 'labor', 'labour', 'worker', 'union']);
/** Who goes on strike: a strike they launch or stage is labour ("doctors launched a strike"). */
export const STRIKERS = new Set([
  'worker',
  'union',
  'employee',
  'staff',
  'teacher',
  'doctor',
  'nurse',
  'miner',
  'docker',
  'driver',
  'pilot',
  'student',
  'farmer',
  'trucker',
  'lawyer',
  'journalist',
]);
/** Carrying out a strike is military ("launched strikes"); holding or staging one is labour. */
export const STRIKE_LAUNCHERS = new Set(['launch', 'conduct', 'carry', 'mount']);
/** Light verbs that hold a labour strike ("staged a strike", "went on strike"). */
export const HELD_STRIKE = new Set(['stage', 'hold', 'go', 'begin', 'start', 'continue', 'end']);

/** Verbs that carry an event noun rather than an event of their own. */
export const LIGHT_VERBS = new Set([
  'hold',
  'stage',
  'launch',
  'impose',
  'lodge',
  'file',
  'issue',
  'mount',
  'open',
  'take',
  'make',
  'sign',
  'reach',
  'conduct',
  'carry',
  'begin',
  'start',
  'continue',
  'announce',
  'establish',
  'declare',
  'hold',
  'resume',
  'end',
  'stage',
  'pay',
  'conclude',
  'place',
  'renew',
  'reiterate',
  'complete',
  'put',
  'go',
  'prepare',
]);

/** Light verb + noun pairs whose category differs from the noun's. */
export const PAIRS: ReadonlyMap<string, { type: PloverCategory; mode?: string }> = dictionary({
  'lodge protest': { type: 'ACCUSE' },
  'file protest': { type: 'ACCUSE' },
  'lodge complaint': { type: 'ACCUSE' },
  'end mediation': { type: 'SANCTION' },
  'end talk': { type: 'SANCTION' },
  'sign agreement': { type: 'AGREE' },
  // Signed, a declaration or memorandum is an agreement; issued, it is only words.
  'sign declaration': { type: 'AGREE' },
  'sign memorandum': { type: 'AGREE' },
  'impose blockade': { type: 'COERCE' },
  'issue warning': { type: 'THREATEN' },
  'issue threat': { type: 'THREATEN' },
  'prepare offensive': { type: 'MOBILIZE' },
  'prepare attack': { type: 'MOBILIZE' },
  'prepare invasion': { type: 'MOBILIZE' },
});

/** Modal and semi-modal words that turn an action into an intention (AGREE / THREATEN). */
export const INTENT = new Set([
  'will',
  'would',
  'shall',
  "'ll",
  'wo',
  'going',
  'plan',
  'intend',
  'prepared',
  'ready',
  'willing',
]);
export const NEGATION = new Set(['not', "n't", 'never', 'no']);
export const CONDITIONAL = new Set(['if', 'unless', 'until', 'whether', 'lest', 'whenever']);
/** Subordinators that open a new clause with its own subject. */
export const CLAUSE_OPENERS = new Set([
  'as',
  'while',
  'after',
  'before',
  'because',
  'when',
  'although',
  'though',
  'whereas',
  'since',
  'where',
  'once',
]);

// Quad classes come from the ontology, so the rules can never disagree with it.
const categoriesIn = (...quads: Quad[]) =>
  new Set<PloverCategory>(
    Object.values(ONTOLOGY)
      .filter((c) => quads.includes(c.quad))
      .map((c) => c.type),
  );
export const COOPERATIVE = categoriesIn('verbal-cooperation', 'material-cooperation');
export const MATERIAL_CONFLICT = categoriesIn('material-conflict');
