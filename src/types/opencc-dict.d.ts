// opencc-js exports its dictionaries as ES modules (one `export default` string each) through a
// wildcard export that carries no type declarations.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
