// Error types shared by every layer. Expected bad input is an InputError with a literal code;
// the web layer maps codes to HTTP statuses and the CLI to exit codes. A broken invariant is a bug().

export type InputErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'too-large'
  | 'no-article-text'
  | 'no-sentences'
  | 'unsupported-type'
  | 'bad-field'
  | 'duplicate'
  | 'conflict'
  | 'expired'
  | 'too-complex';

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The HTTP status that fits an input error. */
export function statusForInputError(code: InputErrorCode): number {
  switch (code) {
    case 'too-large':
      return 413;
    case 'unsupported-type':
      return 415;
    case 'duplicate':
    case 'conflict':
      return 409;
    case 'expired':
      return 410;
    case 'too-complex':
      return 422;
    case 'empty':
    case 'bad-field':
      return 400;
    case 'binary':
    case 'invalid-utf8':
    case 'no-article-text':
    case 'no-sentences':
      return 422;
    default:
      return assertNever(code);
  }
}

export function assertNever(value: never): never {
  throw bug(`unexpected value ${JSON.stringify(value)}`);
}

/** An invariant failed: the message says so, so no one mistakes it for bad input. */
export function bug(message: string): Error {
  return new Error(`${message}; this is a bug`);
}
