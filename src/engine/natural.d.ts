// natural ships no declaration for these modules; these are the shapes we use.
declare module 'natural/lib/natural/util/stopwords.js' {
  const module: { words: string[] };
  export default module;
}

// The English Porter stemmer alone: the stemmers index loads every language's stemmer (~50 ms at start).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
