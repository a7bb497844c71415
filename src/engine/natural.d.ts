// natural ships no declaration for its stop-word module; this is the one shape we use.
declare module 'natural/lib/natural/util/stopwords.js' {
  const module: { words: string[] };
  export default module;
}
