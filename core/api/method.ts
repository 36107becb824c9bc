import type { z } from 'zod';

/**
 * One method of the contract: the schema its input must pass where it crosses a
 * boundary, and (as a type only) what it returns.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom field carrying the result type; never set at run time. */
  readonly output?: O;
}

/** Declares a method returning `O`: `method<Page>()(z.object({ … }))`. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

/** An expected failure as it crosses a boundary (see core/shared/errors). */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
