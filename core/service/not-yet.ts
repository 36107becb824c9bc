import type { MethodName } from '../api/contract';
import { CoreError } from '../shared/errors';
import type { Handlers } from './dispatch';

/**
 * Scaffolding for a domain whose methods are declared in the contract but not yet
 * written: each answers with the coded error `not_implemented`. Remove a domain's
 * use of this as soon as its handlers exist.
 */
export function notYet<M extends MethodName>(names: readonly M[]): Pick<Handlers, M> {
  const entries = names.map((name) => [
    name,
    () => {
      throw new CoreError('not_implemented', `${name} is not implemented yet.`);
    },
  ]);
  return Object.fromEntries(entries) as Pick<Handlers, M>;
}
