import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

/**
 * Turns a failure into a sentence in the person's language with a next step: an i18n
 * key per core error code (`errors.<code>`), falling back to the core's English message.
 */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) {
    const key = `errors.${error.code}`;
    const params = { ...(error.details ?? {}), message: error.message };
    const sentence = t(key, { ...params, defaultValue: '' });
    return sentence || error.message;
  }
  if (error instanceof Error) return t('errors.unexpected', { message: error.message });
  return t('errors.unexpected', { message: String(error) });
}

/** The error's code, when it has one (used to choose how a screen reacts). */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiCallError ? error.code : null;
}
