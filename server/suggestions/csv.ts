// CSV for spreadsheets: every cell quoted, and cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, carriage return first) defused with a leading apostrophe (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv<Row extends Record<string, string | number | boolean>>(
  columns: (keyof Row & string)[],
  rows: Row[],
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column]!)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
