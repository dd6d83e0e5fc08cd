export function quoteIdent(s: string): string {
  return '"' + s + '"';
}

export default function build(table: string, col: string): string {
  return `SELECT ${quoteIdent(col)} FROM ${table}`;
}
