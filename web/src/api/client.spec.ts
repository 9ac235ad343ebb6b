import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, onTokenNeeded, write } from './client.ts';
import { heldToken, holdToken, usableToken, type TokenAsk } from './token.ts';

const TOKEN = 's3cret-Token_1.~+/=';

/** A server that takes writes carrying TOKEN and refuses the others (401), as parley serve does. */
function server() {
  const got: (string | null)[] = [];
  const send = async (_path: string, init: RequestInit) => {
    const auth = new Headers(init.headers).get('authorization');
    got.push(auth);
    if (auth !== `Bearer ${TOKEN}`) throw new ApiError(401, 'unauthorized', 'Token needed');
    return 'saved';
  };
  return { got, send };
}

/** The analyst answers in turn; the reasons they were asked are kept. */
function analyst(...answers: (string | null)[]) {
  const asked: TokenAsk[] = [];
  onTokenNeeded(async (why) => {
    asked.push(why);
    return answers.shift() ?? null;
  });
  return asked;
}

afterEach(() => holdToken(null));

describe('the access token', () => {
  it('is only what a header can carry', () => {
    expect(usableToken(`  ${TOKEN}\n`)).toBe(TOKEN);
    for (const bad of ['', 'tok\u0100en', 'tok\nen', 'tok\u200ben', 'tok en', 'tökén'])
      expect(usableToken(bad), JSON.stringify(bad)).toBeNull();
  });

  it('pasted with a character a header cannot carry is refused and asked for again', async () => {
    const asked = analyst('tok\u200ben', TOKEN);
    const { got, send } = server();
    await expect(write('/api/x', { method: 'POST' }, send)).resolves.toBe('saved');
    expect(asked).toEqual(['needed', 'unusable']);
    expect(got).toEqual([null, `Bearer ${TOKEN}`]);
    expect(heldToken()).toBe(TOKEN);
  });

  it('held from before but unusable is not sent, and later writes still ask', async () => {
    holdToken('tok\u0100en');
    const asked = analyst(TOKEN);
    const { got, send } = server();
    await expect(write('/api/x', { method: 'POST' }, send)).resolves.toBe('saved');
    expect(got).toEqual([null, `Bearer ${TOKEN}`]);
    expect(asked).toEqual(['needed']);
  });

  it('refused for two writes at once is asked for once', async () => {
    const asked = analyst(TOKEN);
    const { send } = server();
    const both = [
      write('/api/a', { method: 'POST' }, send),
      write('/api/b', { method: 'POST' }, send),
    ];
    await expect(Promise.all(both)).resolves.toEqual(['saved', 'saved']);
    expect(asked).toEqual(['needed']);
  });

  it('cancelled gives the server refusal', async () => {
    analyst(null);
    const { send } = server();
    await expect(write('/api/x', { method: 'POST' }, send)).rejects.toMatchObject({ status: 401 });
  });
});
