import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import { api } from '../api/client';

export interface Loaded<T> {
  /** The latest result; kept while a newer call is on its way. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  request: string;
  data?: T;
  error?: unknown;
}

/**
 * Calls a method when the screen opens, again whenever its input or `key` changes,
 * and on reload; keeps the result, the error and whether an answer is pending.
 */
export function useApi<M extends MethodName>(
  name: M,
  input: InputOf<M>,
  key: unknown = '',
): Loaded<OutputOf<M>> {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<OutputOf<M>>>({ request: '' });
  const inputText = JSON.stringify(input);
  const request = `${name}\n${inputText}\n${String(key)}\n${round}`;

  useEffect(() => {
    let live = true;
    api.call(name, JSON.parse(inputText) as InputOf<M>).then(
      (data) => live && setAnswer({ request, data }),
      (error: unknown) => live && setAnswer((a) => ({ request, data: a.data, error })),
    );
    return () => {
      live = false;
    };
  }, [name, inputText, request]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const current = answer.request === request;
  return {
    data: answer.data,
    error: current ? answer.error : undefined,
    loading: !current,
    reload,
  };
}
