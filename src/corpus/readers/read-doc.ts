
/**
 * The paragraphs of a Word 97–2003 .doc, one a line. Unicode is kept as written: word-extractor's default filter
 * would turn “六稳” into "六稳" and —— into --.
 */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const doc = await new WordExtractor().extract(Buffer.from(bytes));
  // The typings lack the options argument that the library takes.
  return (doc.getBody as (options: { filterUnicode: boolean }) => string).call(doc, { filterUnicode: false });
}
