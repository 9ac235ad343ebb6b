// The one form of every curation: a native <dialog> (focus moves into it, Esc cancels, Enter
// submits) with the operation's fields and an optional reason. Renders only; the caller sends.
import { el } from '../dom/el.ts';

export interface DialogField {
  name: string;
  label: string;
  /** `actor`: one actor id, offered by name; `actors`: several, comma-separated. */
  kind: 'text' | 'textarea' | 'select' | 'actor' | 'actors';
  value?: string;
  options?: { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
}

export type ActorLookup = (q: string) => Promise<{ id: string; label: string }[]>;

function control(f: DialogField, lookup?: ActorLookup): HTMLElement {
  const common = { name: f.name, id: `curate-${f.name}`, 'aria-label': f.label };
  if (f.kind === 'select') {
    return el(
      'select',
      common,
      (f.options ?? []).map((o) =>
        el('option', { value: o.value, text: o.label, selected: o.value === f.value }),
      ),
    );
  }
  if (f.kind === 'textarea') {
    return el('textarea', { ...common, placeholder: f.placeholder, text: f.value ?? '' });
  }
  const input = el('input', {
    ...common,
    type: 'text',
    value: f.value ?? '',
    placeholder: f.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  if (f.required) input.required = true;
  if ((f.kind === 'actor' || f.kind === 'actors') && lookup) {
    // Type a name: the list offers matching actors; choosing one puts its id in the field (in a
    // list, in place of the name being typed after the last comma).
    const list = el('datalist', { id: `curate-${f.name}-list` });
    input.setAttribute('list', list.id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const cut = f.kind === 'actors' ? input.value.lastIndexOf(',') + 1 : 0;
      const before = input.value.slice(0, cut);
      const q = input.value.slice(cut).trim();
      if (q.length < 2 || q.includes(':')) return;
      timer = setTimeout(async () => {
        const hits = await lookup(q).catch(() => []);
        const lead = before ? `${before.trimEnd()} ` : '';
        list.replaceChildren(
          ...hits.map((h) => el('option', { value: `${lead}${h.id}`, text: h.label })),
        );
      }, 120);
    });
    return el('span', { class: 'actor-field' }, [input, list]);
  }
  return input;
}

/** Shows the form; resolves with the values, or null when cancelled. */
export function askCuration(
  title: string,
  fields: DialogField[],
  submitLabel: string,
  lookup?: ActorLookup,
): Promise<Record<string, string> | null> {
  const all: DialogField[] = [
    ...fields,
    { name: 'reason', label: 'Reason (kept in the log)', kind: 'text', placeholder: 'optional' },
  ];
  const form = el('form', { method: 'dialog', class: 'curation-form' }, [
    el('h2', { text: title }),
    ...all.map((f) =>
      el('label', { class: 'form-row', for: `curate-${f.name}` }, [
        el('span', { text: f.label }),
        control(f, lookup),
      ]),
    ),
    el('div', { class: 'form-actions' }, [
      el('button', { type: 'submit', value: 'ok', class: 'primary', text: submitLabel }),
      el('button', { type: 'submit', value: 'cancel', text: 'Cancel' }),
    ]),
  ]);
  // el() sets only a safe list of attributes: these two are ours.
  form.setAttribute('method', 'dialog');
  form.querySelector('[value="cancel"]')?.setAttribute('formnovalidate', '');
  const dialog = el('dialog', { class: 'curation-dialog', 'aria-label': title }, [form]);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const ok = dialog.returnValue === 'ok';
      const values: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) values[k] = String(v).trim();
      dialog.remove();
      resolve(ok ? values : null);
    });
    dialog.showModal();
  });
}
