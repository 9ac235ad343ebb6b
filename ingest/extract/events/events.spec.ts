import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

function events(text: string) {
  const x = extract(text, { id: 'e', publishedAt: '2024-03-10' });
  return x.events.map((e) => ({
    type: e.type,
    actors: e.actors,
    recipients: e.recipients,
    date: e.date,
    mode: e.mode,
  }));
}

describe('events', () => {
  it('subject acts on object', () => {
    expect(events('Kenya expelled two Somali diplomats.')).toEqual([
      {
        type: 'SANCTION',
        actors: ['state:KEN'],
        recipients: ['group:SOM-GOV'],
        date: '2024-03-10', // no date in the sentence: the report's
        mode: null,
      },
    ]);
  });

  it('a meeting "with A and B" is one reciprocal CONSULT with all', () => {
    const [e] = events('Chilean President Ana Rojas met with Peru and Bolivia on Friday.');
    expect(e).toMatchObject({
      type: 'CONSULT',
      actors: ['person:ana-rojas'],
      recipients: ['state:PER', 'state:BOL'],
      date: '2024-03-08',
    });
  });

  it('coordinated people keep their titles: every titled conjunct takes part', () => {
    const [met] = events(
      'Chilean President Ana Rojas met with Peruvian Foreign Minister Luis Prado and Bolivian ' +
        'Defense Minister Carla Mendez in Santiago.',
    );
    expect(met).toMatchObject({
      type: 'CONSULT',
      actors: ['person:ana-rojas'],
      recipients: ['person:luis-prado', 'person:carla-mendez'],
    });
    const [trip] = events(
      'Senate Leader Tom Ward, Treasury Secretary Ann Cole, and Deputy Secretary of Commerce ' +
        'Raj Patel traveled to Kenya on Monday.',
    );
    expect(trip.actors).toEqual(['person:tom-ward', 'person:ann-cole', 'person:raj-patel']);
  });

  it('a list of titled people closed by ", and" is one list, not a new clause', () => {
    const [met] = events(
      'Chilean President Ana Rojas met with Attorney General Luis Prado, and Secretary of ' +
        'Finance Jorge de la Torre, as well as other officials.',
    );
    expect(met.recipients).toEqual(['person:luis-prado', 'person:jorge-de-la-torre']);
  });

  it('", and X’s decision …" after a list opens a clause of its own', () => {
    const found = events(
      'A Polish team sat for hours with Anna Berg on Friday, and Ivan Sokolov’s decision to ' +
        'sidestep a direct meeting with Kyiv’s representatives underscored the rift.',
    );
    expect(found.map((e) => [e.type, e.actors])).toEqual([
      ['CONSULT', ['group:POL-GOV']],
      ['REJECT', ['person:ivan-sokolov']],
    ]);
  });

  it("advice to the speaker's own people is no demand; a demand on another state is", () => {
    expect(
      events('Canada said Canadians must leave Sudan. Canada said Sudan must free the detainees.'),
    ).toMatchObject([{ type: 'REQUEST', actors: ['state:CAN'], recipients: ['state:SDN'] }]);
  });

  it('refusal and negation become REJECT', () => {
    expect(events('Hungary declined to join the talks.')[0]).toMatchObject({
      type: 'REJECT',
      actors: ['state:HUN'],
    });
    expect(events('Norway will not accept Russian demands.')[0]).toMatchObject({
      type: 'REJECT',
      actors: ['state:NOR'],
      recipients: ['state:RUS'],
    });
  });

  it('intentions become AGREE (cooperation) or THREATEN (conflict)', () => {
    expect(events('Japan will provide food aid to Haiti.')[0]).toMatchObject({
      type: 'AGREE',
      actors: ['state:JPN'],
      recipients: ['state:HTI'],
    });
    expect(events('Egypt said it would blockade Libya.')[0]).toMatchObject({
      type: 'THREATEN',
      actors: ['state:EGY'],
      recipients: ['state:LBY'],
    });
  });

  it('passive voice: the by-phrase is the actor', () => {
    expect(events('A Malian convoy was attacked by Burkinabe militants.')[0]).toMatchObject({
      type: 'ASSAULT',
      actors: ['group:BFA-REB'],
      recipients: ['state:MLI'],
    });
  });

  it('a participial clause inherits the subject', () => {
    const es = events(
      'Serbian police arrested six protesters, later meeting privately with Kosovo officials.',
    );
    expect(es.map((e) => e.type)).toEqual(['COERCE', 'CONSULT']);
    expect(es[1].actors).toEqual(['group:SRB-COP']);
  });

  it('a verb complement belongs to its verb: one REQUEST, not an AID', () => {
    expect(events('Lebanon demanded that France provide more aid.').map((e) => e.type)).toEqual([
      'REQUEST',
    ]);
  });

  it('ignores hypothetical triggers in conditional clauses', () => {
    expect(events('There will be no deal unless Kenya agrees to it.')).toEqual([]);
    expect(
      events('Whenever anyone seeks to harm Kenya or attack its troops, Kenya will respond.'),
    ).toEqual([]);
  });

  it('a progressive the tagger reads as an adjective still triggers ("is imposing")', () => {
    expect(events('Today, Canada is imposing sanctions against Iran.')).toEqual([
      expect.objectContaining({ type: 'SANCTION', actors: ['state:CAN'] }),
    ]);
  });

  it('light verbs carry event nouns', () => {
    expect(events('Colombian students staged protests in Bogota.')[0]).toMatchObject({
      type: 'PROTEST',
    });
    expect(events('Ghana imposed a curfew on Accra.')[0]).toMatchObject({
      type: 'COERCE',
      actors: ['state:GHA'],
    });
  });

  it("material help or a withdrawal at a place is directed at the place's state", () => {
    expect(events('Norway sent food aid to Gaza on Monday.')[0]).toMatchObject({
      type: 'AID',
      actors: ['state:NOR'],
      recipients: ['state:PSE'],
    });
    expect(events('Syrian troops withdrew from Aleppo.')[0]).toMatchObject({
      type: 'RETREAT',
      recipients: ['state:SYR'],
    });
  });
});

describe('events: conditions and nominals', () => {
  it('aims a conditional threat at whoever must meet the condition', () => {
    expect(
      events('Iran threatened to close the strait if Britain seized its tanker.')[0],
    ).toMatchObject({
      type: 'THREATEN',
      actors: ['state:IRN'],
      recipients: ['state:GBR'],
    });
  });

  it('resolves "the group" to the last organization named', () => {
    const x = extract(
      'Hezbollah met Lebanese officials. The group said it would release two prisoners.',
      {
        id: 'n',
        publishedAt: '2024-03-10',
      },
    );
    expect(x.statements[0].speaker).toBe('org:hezbollah');
    expect(x.events.find((e) => e.type === 'AGREE')?.actors).toEqual(['org:hezbollah']);
  });
});

describe('verb classes of sanctions notices, readouts and detentions', () => {
  it('designations are sanctions, interrogations coercion, convening consultation, deploring accusation', () => {
    const types = (text: string) => events(text).map((e) => e.type);
    expect(types('Hamas is being designated pursuant to Executive Order 13224.')).toEqual([
      'SANCTION',
    ]);
    expect(types('Kenya interrogated two Somali diplomats for eight hours.')).toEqual(['COERCE']);
    expect(types('Chile convened with Peru in Geneva.')).toEqual(['CONSULT']);
    expect(types('Chile deplored the actions of Peru.')).toEqual(['ACCUSE']);
  });
});

describe('senses that depend on the object', () => {
  const types = (text: string) => events(text).map((e) => e.type);

  it('meeting a commitment and sharing values are not meetings or cooperation', () => {
    expect(types('Venezuela meets its commitments.')).toEqual([]);
    expect(types('Chile and Peru share democratic values.')).toEqual([]);
    expect(types('Chile met Peru in Lima.')).toEqual(['CONSULT']);
  });

  it('a released text is published, not freed; "shared that" reports speech', () => {
    expect(
      types('The text of the statement was released by the Governments of Chile and Peru.'),
    ).toEqual([]);
    expect(types('Chile released its report on Peru.')).toEqual([]);
    expect(types('Chile released two Peruvian fishermen.')).toEqual(['CONCEDE']);
    expect(types('He shared that Chile will send tanks to Peru next week.')).not.toContain(
      'COOPERATE',
    );
    expect(types('Chile shared intelligence with Peru.')).toEqual(['COOPERATE']);
  });

  it('"demonstrated leadership" is no protest; protesters who demonstrate are', () => {
    expect(types('Saudi Arabia demonstrated courageous leadership.')).toEqual([]);
    expect(types('Kenyan students demonstrated in Nairobi.')).toEqual(['PROTEST']);
  });

  it('mobilizing, announcing or releasing money and relief is aid', () => {
    expect(types('Canada mobilized an immediate response to the earthquake.')).toEqual(['AID']);
    expect(types('Japan announced $15 million in humanitarian assistance.')).toEqual(['AID']);
    expect(types('Japan released $300 million in development assistance.')).toEqual(['AID']);
    expect(types('Japan announced that it would prohibit all aid to Sudan.')).not.toContain('AID');
  });

  it('speaking with, travelling to, extending a truce, signing a declaration', () => {
    expect(
      events('President Ruto spoke today with President Museveni of Uganda.')[0],
    ).toMatchObject({ type: 'CONSULT' });
    expect(events('Kenyan President Ruto traveled to Mexico on Friday.')[0]).toMatchObject({
      type: 'CONSULT',
      mode: 'visit',
      recipients: ['state:MEX'],
    });
    expect(types('Chile and Peru have extended the truce for two months.')).toEqual(['AGREE']);
    expect(types('Chile and Peru signed a joint declaration.')).toEqual(['AGREE']);
    expect(types('Chile issued a declaration demanding that Peru withdraw.')).not.toContain(
      'AGREE',
    );
  });

  it('a participle modifying a noun is no event ("wrongfully detained Americans")', () => {
    expect(
      types('Reuniting wrongfully detained Americans with their families is a priority.'),
    ).toEqual([]);
  });
});

describe('restatements and further acts', () => {
  it('"additional sanctions" in a later sentence is a second sanction', () => {
    const es = events(
      'Canada has sanctioned 70 Iranian officials. Today, Canada is announcing additional sanctions against Iran.',
    );
    expect(es.filter((e) => e.type === 'SANCTION')).toHaveLength(2);
  });

  it('a fronted "Today," is no trailing attribution ("Today, Canada is announcing …")', () => {
    expect(events('Today, Canada is announcing additional sanctions against Iran.')).toEqual([
      expect.objectContaining({
        type: 'SANCTION',
        actors: ['state:CAN'],
        recipients: ['state:IRN'],
      }),
    ]);
  });

  it('each demand of a statement is its own event', () => {
    const es = events(
      'Canada urges Ethiopia to promote reconciliation. Canada urged Ethiopia to open the roads.',
    );
    expect(es.filter((e) => e.type === 'REQUEST')).toHaveLength(2);
  });
});

describe('demands in a first-person release', () => {
  it('"X should/must do Y" is the issuer asking X', () => {
    const text = [
      'Statement by President Joe Biden on the Crisis in Ethiopia',
      '',
      'I am deeply concerned. Eritrean forces should withdraw from Tigray. All parties, in particular the Ethiopian forces, must allow humanitarian access.',
    ].join('\n');
    const x = extract(text, { id: 'eth', publishedAt: '2021-05-26' });
    const requests = x.events.filter((e) => e.type === 'REQUEST');
    expect(requests.map((e) => e.recipients)).toEqual([['group:ERI-MIL'], ['group:ETH-MIL']]);
    for (const r of requests) expect(r.actors).toEqual(['state:USA']);
    expect(x.events.map((e) => e.type)).not.toContain('RETREAT');
    expect(x.events.map((e) => e.type)).not.toContain('CONCEDE');
  });
});

describe('nominal events and clauses of their own', () => {
  const types = (text: string) => events(text).map((e) => e.type);

  it('an event noun with its own arguments is an event ("rocket attacks launched by Hamas")', () => {
    const es = events(
      'Israel has defended its people against rocket attacks launched by the terrorist group Hamas.',
    );
    expect(es).toContainEqual(expect.objectContaining({ type: 'ASSAULT', actors: ['org:hamas'] }));
  });

  it('"a phone call between A and B" is a consultation by phone of both', () => {
    const [e] = events(
      'The visit followed a phone call between Kenyan President William Ruto and President Yoweri Museveni.',
    );
    expect(e).toMatchObject({ type: 'CONSULT', mode: 'phone' });
    expect([...e.actors, ...e.recipients].sort()).toEqual([
      'person:william-ruto',
      'person:yoweri-museveni',
    ]);
  });

  it('what a demand asks for has not happened ("demanded the removal of X")', () => {
    expect(types('Rwandan rebels demanded the removal of President Juvenal Habyarimana.')).toEqual([
      'REQUEST',
    ]);
  });

  it('a "where" clause and the main verb after a relative clause are events of their own', () => {
    expect(
      types(
        'President Ruto hosted President Museveni at State House, where the two leaders signed a joint declaration.',
      ),
    ).toEqual(['CONSULT', 'AGREE']);
    expect(
      types('Yesterday, three Canadians who had been detained in China were released.'),
    ).toEqual(['COERCE', 'CONCEDE']);
    // The same "where" clause parsed as an adverbial clause of "hosted" (advcl, not conj).
    expect(
      types(
        'President Ruto hosted Ugandan President Yoweri Museveni and Tanzanian President Samia Suluhu at State House, where the three leaders signed a joint declaration on trade.',
      ),
    ).toEqual(['CONSULT', 'AGREE']);
  });

  it('an adverbial "when" clause stays the trigger\'s: a condition is no event of its own', () => {
    expect(types('Russia will withdraw its troops when Ukraine agrees to a ceasefire.')).toEqual([
      'AGREE',
    ]);
  });

  it('a headline verb the tagger reads as a plural noun still triggers ("McCain opposes visit")', () => {
    expect(types('McCain opposes visit\n\nThe senator spoke on Monday.')).toEqual(['REJECT']);
  });

  it('after a possessor, an event noun\'s “of” is its patient ("Serbia’s blockade of Kosovo")', () => {
    const e = events('The envoys condemned Serbia’s blockade of Kosovo.').find(
      (x) => x.type !== 'ACCUSE',
    );
    expect(e).toMatchObject({ actors: ['state:SRB'], recipients: ['state:XKX'] });
  });

  it('the possessor of a signing signs what it governs ("Chile’s signing of the accord with Peru")', () => {
    const e = events('The president welcomed Chile’s signing of the accord with Peru.').find(
      (x) => x.type === 'AGREE',
    );
    expect(e).toMatchObject({ actors: ['state:CHL'], recipients: ['state:PER'] });
  });

  it('“provided an opportunity to discuss …” gives no aid', () => {
    expect(
      types('The summit between Kenya and Uganda provided an opportunity to discuss trade.'),
    ).not.toContain('AID');
    expect(types('Japan provided food and medicine to Nepal.')).toEqual(['AID']);
  });

  describe('a container noun is the event it holds', () => {
    const coded = (text: string) => events(text).map((e) => [e.type, e.actors, e.recipients]);

    it('a package is aid unless it holds sanctions', () => {
      expect(coded('The United States announced a $2 billion package for Ukraine.')).toEqual([
        ['AID', ['state:USA'], ['state:UKR']],
      ]);
      expect(
        coded('The United States announced a new package of military aid for Ukraine.'),
      ).toEqual([['AID', ['state:USA'], ['state:UKR']]]);
      expect(coded('Germany approved a new aid package for Ukraine.')).toEqual([
        ['AID', ['state:DEU'], ['state:UKR']],
      ]);
      expect(coded('The United States announced a new package of sanctions against Iran.')).toEqual(
        [['SANCTION', ['state:USA'], ['state:IRN']]],
      );
      expect(
        coded('The European Union adopted its twelfth package of sanctions against Russia.'),
      ).toEqual([['SANCTION', ['org:european-union'], ['state:RUS']]]);
    });

    it('strikes that are launched or carried out are attacks, staged ones are labour', () => {
      expect(coded('Russia launched missile strikes against Ukraine.')).toEqual([
        ['ASSAULT', ['state:RUS'], ['state:UKR']],
      ]);
      expect(coded('Russia launched a new wave of drone strikes against Ukraine.')).toEqual([
        ['ASSAULT', ['state:RUS'], ['state:UKR']],
      ]);
      expect(coded('The United States conducted strikes against targets in Yemen.')).toEqual([
        ['ASSAULT', ['state:USA'], ['state:YEM']],
      ]);
      expect(coded('Dock workers staged a strike in Antwerp.').map(([type]) => type)).toEqual([
        'PROTEST',
      ]);
    });
  });

  it('a threat that is posed is an assessment; a warning that is issued is a threat', () => {
    const coded = (text: string) => events(text).map((e) => [e.type, e.actors, e.recipients]);
    expect(
      coded(
        'Violent far-left networks, such as those targeted today, pose a threat to the United States.',
      ),
    ).toEqual([]);
    expect(coded("Iran's nuclear program poses a grave threat to Israel.")).toEqual([]);
    expect(coded('North Korea issued an unequivocal warning to South Korea.')).toEqual([
      ['THREATEN', ['state:PRK'], ['state:KOR']],
    ]);
    // A modifier the tagger reads as a noun is no advisory's hazard: the issuer keeps the threat.
    expect(coded('The Kremlin issued a stark warning to NATO on Tuesday.')).toEqual([
      ['THREATEN', ['state:RUS'], ['org:nato']],
    ]);
  });

  it('warning a party is a threat; warning that something will happen reports speech', () => {
    const coded = (text: string) => events(text).map((e) => [e.type, e.actors, e.recipients]);
    expect(coded('Iran warned Israel against any attack on its soil.')).toEqual([
      ['THREATEN', ['state:IRN'], ['state:ISR']],
    ]);
    expect(coded('China warned the United States not to interfere.')).toEqual([
      ['THREATEN', ['state:CHN'], ['state:USA']],
    ]);
    expect(coded('Russia warned that prices would rise.')).toEqual([]);
    expect(coded('The United States cautioned Israel against attacking Rafah.')).toEqual([]);
    expect(coded('Activists campaigned against deporting the refugees to Syria.')).toEqual([]);
    expect(coded('Police warned residents to stay indoors.')).toEqual([]);
  });

  it('an advisory is no threat on either path, whoever it is given to', () => {
    const types = (text: string) => events(text).map((e) => e.type);
    const threats = (text: string) => types(text).filter((t) => t === 'THREATEN');
    expect(threats('The ministry repeated its warning to citizens travelling to Iran.')).toEqual(
      [],
    );
    expect(threats("Japan's warning to tourists visiting Thailand remains in force.")).toEqual([]);
    expect(threats('France issued a flood warning to residents of Nice.')).toEqual([]);
    expect(threats("Pyongyang's warning to Seoul was the sharpest in years.")).toEqual([
      'THREATEN',
    ]);
  });

  it('labour strikes stay labour strikes whatever they are against, and advisories are no threats', () => {
    const types = (text: string) => events(text).map((e) => e.type);
    expect(types('Workers held a strike against the government.')).toEqual(['PROTEST']);
    expect(types('Dock workers staged a strike against pension reform.')).toEqual(['PROTEST']);
    expect(types('Doctors launched a strike against the Health Ministry.')).toEqual(['PROTEST']);
    expect(types('Israel launched a new wave of strikes on Gaza.')).toEqual(['ASSAULT']);
    expect(types('Germany issued a travel warning for Iran.')).toEqual([]);
    expect(types('The National Weather Service issued a warning for Florida.')).toEqual([]);
    expect(types('The threat posed by Iran to Israel is growing.')).toEqual([]);
  });

  it('a participle modifying a noun has that noun for its agent, or no event when it is no party', () => {
    const visits = (text: string) => events(text).filter((e) => e.type === 'CONSULT');
    expect(
      visits('France criticised the blockade on Tuesday, citing Egyptian officials visiting Gaza.'),
    ).toMatchObject([{ actors: ['group:EGY-GOV'] }]);
    // People of no office coming and going are no event, and not one of the clause's subject.
    expect(
      visits('The State Department on Monday renewed its warning to Americans travelling to Iran.'),
    ).toEqual([]);
    expect(
      visits('Iran freed the prisoners on Sunday, including journalists visiting Tehran.'),
    ).toEqual([]);
  });

  it("a verb with a hyphenated first part takes the verb's sense, after its subject only", () => {
    const coded = (text: string) =>
      events(text).map((e) => ({ type: e.type, actors: e.actors, recipients: e.recipients }));
    expect(coded('North Korea test-fired a ballistic missile on Sunday.')).toEqual(
      coded('North Korea fired a ballistic missile on Sunday.'),
    );
    expect(coded('North Korea test-fired a ballistic missile on Sunday.')).toEqual([
      { type: 'ASSAULT', actors: ['state:PRK'], recipients: [] },
    ]);
    expect(coded('Israeli jets air-dropped bombs on the town on Friday.')).toEqual([
      { type: 'ASSAULT', actors: ['group:ISR-MIL'], recipients: [] },
    ]);
    // A prefix the tokenizer keeps on the word ("re-", "co-") repeats the act.
    expect(coded('Washington re-imposed sanctions on Caracas after the vote.')).toEqual([
      { type: 'SANCTION', actors: ['state:USA'], recipients: ['state:VEN'] },
    ]);
    // Before its noun, or with a name for its first part, the compound describes the noun.
    expect(coded('Iran-backed militias attacked a U.S. base in Syria.').map((e) => e.type)).toEqual(
      ['ASSAULT'],
    );
    expect(coded('Chinese state-backed hackers attacked Taiwan.').map((e) => e.type)).toEqual([
      'ASSAULT',
    ]);
  });
});
