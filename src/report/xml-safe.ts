/**
 * Makes any text safe for XML 1.0: characters XML cannot hold (control bytes, lone surrogates, U+FFFE/U+FFFF) become
 * visible \xNN / \uNNNN escapes instead of silently vanishing. ("]]>" is left as it is: the JUnit writer splits it
 * across two CDATA sections, so a reader gets the text back unchanged.)
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
      const code = c.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    });
}
