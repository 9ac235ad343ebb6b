// The console's editor: CodeMirror 6 with Neo4j's own Cypher language support
// (@neo4j-cypher/codemirror: highlighting, bracket matching, keyword completion). Ctrl/Cmd+Enter runs.
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';

export interface CypherEditor {
  getValue(): string;
  setValue(v: string): void;
  focus(): void;
}

export function createEditor(
  parent: HTMLElement,
  initial: string,
  onRun: (query: string) => void,
): CypherEditor {
  let value = initial;
  // The package's typings say it returns the EditorApi; at runtime it is wrapped as { editor }.
  const created = createCypherEditor(parent, {
    value: initial,
    // The package focuses the editor by default; then the next view shortcut (1, 3) would be
    // typed into the query instead. It gets focus when the analyst clicks it or picks an example.
    autofocus: false,
    theme: 'light',
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    history: true,
    lint: false,
    placeholder: 'MATCH (a:Actor) RETURN a LIMIT 25',
  }) as unknown as { editor: EditorApi } | EditorApi;
  const api: EditorApi = 'editor' in created ? created.editor : created;
  api.onValueChanged((v: string) => {
    value = v;
  });
  // Capture phase: run before CodeMirror inserts a newline for Enter.
  parent.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        onRun(value);
      }
    },
    true,
  );
  return {
    getValue: () => value,
    setValue(v) {
      value = v;
      api.setValue(v);
    },
    focus: () => api.focus(),
  };
}
