// Small closed word classes shared by the stages.

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS, 'Sept.', 'Jan.', 'Feb.', 'Aug.', 'Oct.', 'Nov.', 'Dec.']);

/** Capitalised words that start sentences or titles but never names. */
export const NOT_NAMES = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Or', 'However', 'Some', 'Up', 'Under', 'With',
  'After', 'Before', 'During', 'While', 'As', 'If', 'Since', 'For', 'From', 'To', 'By', 'Of', 'It',
  'He', 'She', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'His', 'Her',
  'Thousands', 'Hundreds', 'Tens', 'Dozens', 'Five', 'Two', 'Three', 'Four', 'Many', 'Several',
  'Recent', 'Senior', 'Radical', 'Young', 'Angry', 'Human', 'Top', 'Former', 'New', 'Western',
  'Eastern', 'Northern', 'Southern', 'Central', 'Ethnic', 'Islamic', 'Moslem', 'Muslim', 'Christian',
  'Jewish', 'Arab', 'Arabs', 'Analysts', 'Officials', 'Police', 'Rebels', 'Prisoners', 'Militants',
  'Memorandum', 'Understanding', 'Cessation', 'Hostilities', 'Agreement', 'Treaty', 'Tomorrow',
  'Today', 'Yesterday', 'MOU', 'Most', 'Both', 'All', 'No', 'Not', 'Any', 'Each', 'Mr', 'Mr.', 'Mrs.',
  'Ms.', 'Dr.', 'Sen.', 'Rep.', 'Gov.', 'Lt.', 'Gen.', 'Col.', 'Sgt.', 'Capt.', 'Maj.', 'Adm.', 'St.',
  'World', 'War', 'Two', 'One', 'Cold', 'Pan', 'Am',
]);

/** Name particles that may sit inside a person's name. */
export const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'abu', 'Abu', 'bint']);

/** Prepositions after which a city or capital is a place rather than a government. */
export const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'around', 'inside', 'from', 'to', 'into', 'toward', 'towards', 'across', 'throughout', 'via']);

export const PREPOSITIONS = new Set([
  'of', 'in', 'on', 'at', 'by', 'for', 'with', 'to', 'from', 'into', 'toward', 'towards', 'against',
  'near', 'about', 'over', 'under', 'between', 'among', 'amid', 'after', 'before', 'since', 'during',
  'without', 'through', 'throughout', 'upon', 'behind', 'across', 'along', 'outside', 'inside', 'via',
  'than', 'like', 'despite', 'unlike',
]);

/** Final words that make a capitalised run an organization, with the sector they imply. */
export const ORG_HEADS: Record<string, string> = {
  Union: 'LAB', Council: 'GOV', Party: 'PTY', Front: 'REB', Forum: 'NGO', Agency: 'GOV', Office: 'GOV',
  Commission: 'GOV', Commision: 'GOV', Court: 'JUD', Ministry: 'GOV', Committee: 'GOV',
  Movement: 'REB', Organization: 'NGO', Organisation: 'NGO', League: 'NGO', Bank: 'BUS', Fund: 'NGO',
  Program: 'NGO', Programme: 'NGO', Association: 'NGO', Alliance: 'NGO', Army: 'MIL',
  Authority: 'GOV', Assembly: 'LEG', Parliament: 'LEG', Congress: 'LEG', Senate: 'LEG',
  Government: 'GOV', Tigers: 'REB', Brigades: 'REB', Brigade: 'REB', Network: 'NGO', Institute: 'NGO',
  Foundation: 'NGO', Service: 'GOV', Police: 'COP', Guard: 'MIL', Corps: 'MIL', Jihad: 'REB',
  Command: 'MIL', Coalition: 'NGO', Federation: 'NGO', Company: 'BUS', Corporation: 'BUS',
  Society: 'NGO', Watch: 'NGO', Times: 'MED', Post: 'MED', News: 'MED', Radio: 'MED',
  Television: 'MED', Press: 'MED', Herald: 'MED', Tribune: 'MED', Journal: 'MED', Gazette: 'MED',
};

export const REPORTING_VERBS = new Set([
  'say', 'tell', 'stress', 'caution', 'warn', 'reiterate', 'indicate', 'signal', 'insist', 'add',
  'note', 'state', 'claim', 'argue', 'assert', 'announce', 'report', 'declare', 'confirm', 'deny',
  'suggest', 'explain', 'acknowledge', 'admit', 'emphasize', 'emphasise', 'maintain', 'write',
  'comment', 'believe', 'contend', 'predict', 'concede', 'remark', 'reply', 'respond', 'underline',
  'underscore', 'hint', 'tweet', 'post', 'observe', 'allege',
]);
