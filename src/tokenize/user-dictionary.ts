/** A word for jieba's dictionary, from a user dictionary file (jieba's format: `word [freq] [tag]`). */
export interface UserWord {
  readonly word: string;
  readonly tag?: string;
}

/** A line of a user dictionary that could not be read. */
export interface DictionaryError {
  readonly source: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Parses a user dictionary from its text (so tests feed it strings): one word a line, optionally followed by a
 * frequency and a part-of-speech tag; `#` starts a comment. Bad lines are reported with their line number.
 */
export function parseUserDictionary(text: string, source: string): { words: UserWord[]; errors: DictionaryError[] } {
  const words: UserWord[] = [];
  const errors: DictionaryError[] = [];
  for (const [i, raw] of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const fields = line.split(/[\s\u3000]+/);
    const fail = (message: string) => errors.push({ source, line: i + 1, message: `${message}: "${raw.trim()}"` });
    if (fields.length > 3) {
      fail('expected "word [freq] [tag]", found more than three fields');
      continue;
    }
    const [word, second, third] = fields;
    if (!/[\p{L}\p{N}]/u.test(word)) {
      fail('the word has no letter or digit');
      continue;
    }
    if (third !== undefined && !/^\d+$/.test(second)) {
      fail(`the frequency "${second}" is not a whole number`);
      continue;
    }
    const tag = third ?? (second !== undefined && !/^\d+$/.test(second) ? second : undefined);
    if (tag !== undefined && !/^[a-zA-Z]{1,4}$/.test(tag)) {
      fail(`the tag "${tag}" is not a part-of-speech tag such as n or nz`);
      continue;
    }
    words.push(tag ? { word, tag } : { word });
  }
  return { words, errors };
}
