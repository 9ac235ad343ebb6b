/// <reference types="vite/client" />

// @neo4j-cypher/codemirror ships its types at src/codemirror.d.ts but its package exports do not
// point at them; re-export them for the bare specifier.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
