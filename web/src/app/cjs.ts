// Some graphology layout packages are CommonJS with a `default` in their typings: the bundler
// hands us the function itself, TypeScript (NodeNext) the namespace. Accept both.
export function cjsDefault<T>(m: { default: T } | T): T {
  return m && typeof m === 'object' && 'default' in m ? (m as { default: T }).default : (m as T);
}
