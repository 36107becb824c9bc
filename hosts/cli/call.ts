import type { InputOf, MethodName, OutputOf } from '../../core/api/contract';
import type { ApiError } from '../../core/api/method';
import type { JobStatus } from '../../core/api/system';
import type { TagInfo } from '../../core/api/tags';
import type { App } from '../../core/service';
import { dispatch } from '../../core/service/dispatch';
import { CliFailure, exitCodes } from './exit';
import { messages } from './i18n';
import { Progress } from './output';

/** A failure the core answered with, its message in the language of the run. */
export function coreFailure(error: ApiError): CliFailure {
  return new CliFailure({ ...error, message: messages().coreMessage(error) });
}

/** Calls one contract method through the same dispatch as every host. */
export async function call<M extends MethodName>(
  app: App,
  name: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const result = await dispatch(app.handlers, name, input);
  if (!result.ok) throw coreFailure(result.error);
  return result.value as OutputOf<M>;
}

/**
 * Follows a job until it ends, printing its progress to stderr; Ctrl-C asks the core
 * to cancel it. Returns the job's own result when it finished.
 */
export async function followJob(
  app: App,
  started: JobStatus,
  label: string,
  unit = messages().rows,
): Promise<unknown> {
  const progress = new Progress(label, unit);
  const onInterrupt = () => {
    progress.note(messages().cancelling);
    void call(app, 'jobs.cancel', { id: started.id });
  };
  process.once('SIGINT', onInterrupt);

  let status = started;
  try {
    while (status.state === 'running') {
      progress.update(status);
      await new Promise((r) => setTimeout(r, 250));
      status = await call(app, 'jobs.get', { id: started.id });
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  progress.done(status);

  if (status.state === 'done') return status.result;
  if (status.state === 'cancelled') {
    const message = messages().cancelled(label);
    throw new CliFailure({ code: 'cancelled', message }, exitCodes.failed);
  }
  throw status.error
    ? coreFailure(status.error)
    : new CliFailure({ code: 'internal', message: messages().failed(label) });
}

/** A tag named on the command line by its key or its id. */
export async function findTag(app: App, keyOrId: string): Promise<TagInfo> {
  const tags = await call(app, 'tags.list', {});
  const tag = tags.find((t) => t.key === keyOrId || String(t.id) === keyOrId);
  if (!tag) {
    throw new CliFailure(
      { code: 'tags.not_found', message: messages().tagUnknown(keyOrId) },
      exitCodes.failed,
    );
  }
  return tag;
}
