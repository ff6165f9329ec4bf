/**
 * String and number literals as prettier prints them, from their text as written (ts-morph's),
 * for typescript-layout's expressions.
 */

/**
 * prettier's printString: double quotes unless the text holds more double quotes than single
 * ones; a string already in its quotes is kept as written, else the quotes are swapped and the
 * escapes of quotes made to fit (makeString).
 */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (const char of content) {
    if (char === '"') doubles++;
    else if (char === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  if (raw.startsWith(quote)) return raw;
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(["'\\])|(["'])/g, (match, escaped?: string, bare?: string) => {
    if (escaped !== undefined) return escaped === other ? other : match;
    return bare === quote ? `\\${bare}` : (bare as string);
  });
  return `${quote}${body}${quote}`;
}

/** prettier's printNumber: lower case, no exponent sign or zeros, no trailing zeros or dot. */
export function printNumber(raw: string): string {
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}
