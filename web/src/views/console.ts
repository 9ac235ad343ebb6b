// The Cypher console: an editor (loaded on first use), the result table and its graph.
import type { ViewDef } from '../app/view.ts';
import { createConsoleController } from '../controllers/console-controller.ts';
import type { CypherEditor } from '../controllers/cypher-editor.ts';
import { createQueryGraph } from '../controllers/query-graph-controller.ts';
import { createConsoleLayout, renderConsole } from '../panels/console-view.ts';

const FIRST_QUERY = "MATCH (a:Actor)-[:PERFORMED]->(e:Event {type:'REJECT'}) RETURN a, e";

export const consoleView: ViewDef = {
  create({ section }, { store }) {
    const slots = createConsoleLayout(() => void consoleCtl.run(editor?.getValue() ?? ''));
    section.append(slots.root);
    const queryGraph = createQueryGraph(slots.graph);
    const consoleCtl = createConsoleController(store, queryGraph);
    // The editor (CodeMirror + Neo4j's Cypher parser) is most of the bundle: load it on first use.
    let editor: CypherEditor | null = null;
    let editorLoading: Promise<CypherEditor> | null = null;
    function ensureEditor(): Promise<CypherEditor> {
      editorLoading ??= import('../controllers/cypher-editor.ts').then(({ createEditor }) => {
        editor = createEditor(slots.editor, FIRST_QUERY, (q) => void consoleCtl.run(q));
        return editor;
      });
      return editorLoading;
    }
    const load = (q: string): void =>
      void ensureEditor().then((ed) => {
        ed.setValue(q);
        ed.focus();
      });
    return {
      render(s, prev) {
        if (!prev || s.console !== prev.console) renderConsole(slots, s, load);
        if (s.url.view === 'console') void ensureEditor();
      },
      hook: {
        queryNodePosition: (id: string) => queryGraph.nodePosition(id),
        queryGraphOrder: () => queryGraph.order(),
        queryGraphSize: () => queryGraph.size(),
      },
    };
  },
};
