// Asks for the server's access token when a write was refused for want of it: a native <dialog>
// (focus in the field, Esc cancels, Enter sends) with a password field. Renders only; the API
// client keeps the token and sends the write again.
import { el } from '../dom/el.ts';
import type { TokenAsk } from '../api/token.ts';

const REASONS: Record<TokenAsk, string> = {
  needed:
    'This server needs its access token (PARLEY_TOKEN) to save changes. It is kept until this tab closes.',
  refused: 'The server refused that token. Check it and try again.',
  unusable:
    'That token was refused: it has a character a token cannot have (a space or line break inside, an invisible or non-ASCII character). Paste it again.',
};

/** Resolves with the token typed, or null when cancelled; `why`: what happened to the last one. */
export function askToken(why: TokenAsk): Promise<string | null> {
  const input = el('input', {
    type: 'password',
    name: 'token',
    id: 'access-token',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.required = true;
  const form = el('form', { class: 'curation-form' }, [
    el('h2', { text: 'Access token needed' }),
    el('p', {
      text: REASONS[why],
    }),
    el('label', { class: 'form-row', for: 'access-token' }, [
      el('span', { text: 'Access token' }),
      input,
    ]),
    el('div', { class: 'form-actions' }, [
      el('button', { type: 'submit', value: 'ok', class: 'primary', text: 'Use token' }),
      el('button', { type: 'submit', value: 'cancel', text: 'Cancel' }),
    ]),
  ]);
  // el() sets only a safe list of attributes: these two are ours.
  form.setAttribute('method', 'dialog');
  form.querySelector('[value="cancel"]')?.setAttribute('formnovalidate', '');
  const dialog = el('dialog', { class: 'curation-dialog', 'aria-label': 'Access token needed' }, [
    form,
  ]);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const token = dialog.returnValue === 'ok' ? input.value.trim() : '';
      dialog.remove();
      resolve(token || null);
    });
    dialog.showModal();
  });
}
