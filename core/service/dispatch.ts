import { contract, isMethodName } from '../api/contract';
import type { MethodName, OutputOf, ParsedInputOf } from '../api/contract';
import type { ApiResult } from '../api/method';
import { isCoreError } from '../shared/errors';
import { issueDetails } from '../shared/issues';
import { logger } from '../shared/log';

const log = logger('api');

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> | OutputOf<M>;
};

/**
 * The single entry every host uses: checks the method name, validates the input
 * against the contract's schema, runs the handler, and turns expected failures
 * into an ApiError. Unexpected errors are logged as bugs.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: {
        code: 'api.unknown_method',
        message: `No method "${name}".`,
        details: { method: name },
      },
    };
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = issueDetails(parsed.error.issues);
    return {
      ok: false,
      error: {
        code: 'api.invalid_input',
        message:
          `Invalid input for ${name}: ` +
          issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; '),
        details: { method: name, issues },
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isCoreError(error)) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
    log.error(`${name} failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Internal error; see the log.' } };
  }
}
