/*
 * Shell-like word splitting for `.args` files: blanks separate words, single quotes keep text
 * literally, double quotes keep blanks and honour `\"` and `\\`, a backslash outside quotes escapes
 * the next character. No expansion of any kind: the corpus must not depend on a shell.
 */

export class WordSplitError extends Error {
  readonly code = 'CORPUS_WORDS';
  constructor(message: string) {
    super(message);
    this.name = 'WordSplitError';
  }
}

export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new WordSplitError(`unterminated ' in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) throw new WordSplitError(`unterminated " in: ${line}`);
        const c = line[i] as string;
        if (c === '"') break;
        if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      i++;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
