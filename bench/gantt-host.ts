/**
 * For bench/gantt.ts: the loopback web host on a fresh database, its API, and a
 * project of n tasks in phases with about 1.6 dependencies per task, made through
 * the contract as the console makes them.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../core/api/contract';
import type { ProjectView } from '../core/api/planning';

export interface Host {
  base: string;
  token: string;
  child: ChildProcess;
}

/** Starts `hosts/web/start.ts` on 127.0.0.1 and resolves once it says it is ready. */
export function startHost(dbFile: string, port: number, token: string): Promise<Host> {
  const root = path.resolve(__dirname, '..');
  const args = ['--import', 'tsx', 'hosts/web/start.ts', '--db', dbFile, '--port', String(port)];
  args.push('--token', token, '--no-demo', '--quiet');
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready in 60 s: ${errors}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}): ${errors}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const ready = /Console ready at (\S+)/.exec(chunk.toString());
      if (!ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ base: `http://127.0.0.1:${port}`, token, child });
    });
  });
}

/** Stops the host: SIGTERM, then SIGKILL if it has not gone in 5 s. */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

/** Calls one contract method through `POST /api/<method>`. */
export async function call<M extends MethodName>(
  host: Host,
  name: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const response = await fetch(`${host.base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Console-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as
    { ok: true; value: OutputOf<M> } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.code}: ${body.error.message}`);
  return body.value;
}

/** A small deterministic generator, so every run draws the same plan. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A project of `taskCount` tasks: the quarterly sales push template (3 phases, 12
 * tasks), then tasks added in blocks to its phases, then `dependencyCount` links
 * that point only back to earlier tasks (so no cycle), set in one paste.
 */
export async function buildProject(
  host: Host,
  name: string,
  taskCount: number,
  dependencyCount: number,
): Promise<ProjectView> {
  const input = { templateKey: 'quarterly-sales-push', anchorDay: '2026-12-14', name };
  let view = await call(host, 'projects.createFromTemplate', input as never);
  const phases = view.phases.map((p) => p.id);
  const toAdd = taskCount - view.tasks.length;
  const rand = generator(taskCount);
  for (let i = 0; i < toAdd; i += 1) {
    const phaseId = phases[Math.floor((i * phases.length) / toAdd)] ?? null;
    const duration = 1 + Math.floor(rand() * 8);
    const task = { projectId: view.project.id, phaseId, name: `工作项 ${i + 1}`, duration };
    view = await call(host, 'tasks.create', task as never);
  }

  const seqs = view.tasks.map((t) => t.seq).sort((a, b) => a - b);
  const rows = [];
  let extra = dependencyCount - (seqs.length - 1);
  for (let i = 1; i < seqs.length; i += 1) {
    const links = new Set<number>();
    const count = i > 1 && extra > 0 && rand() < extra / (seqs.length - i) ? 2 : 1;
    if (count === 2) extra -= 1;
    while (links.size < count) links.add(seqs[Math.max(0, i - 1 - Math.floor(rand() * 20))]!);
    const text = [...links].map((s) => dependencyText(s, rand)).join(', ');
    rows.push({ taskId: view.tasks.find((t) => t.seq === seqs[i])!.id, text });
  }
  return call(host, 'tasks.setPredecessorsMany', { projectId: view.project.id, rows });
}

/** Mostly finish-to-start, some start-to-start and finish-to-finish, a few with lag. */
function dependencyText(seq: number, rand: () => number): string {
  const r = rand();
  const type = r < 0.75 ? 'FS' : r < 0.9 ? 'SS' : 'FF';
  const lag = rand() < 0.15 ? `+${1 + Math.floor(rand() * 3)}` : '';
  return `${seq}${type}${lag}`;
}
