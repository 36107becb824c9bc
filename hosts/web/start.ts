import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setLogLevel } from '../../core/shared/log';
import { defaultDbFile } from '../shared/data-dir';
import { openConsole } from '../shared/open-console';
import { consoleVersion } from '../shared/version';
import { startWebHost } from './server';

const usage = `Usage: npm run web -- [--db <file>] [--port <n>] [--token <t>] [--no-demo] [--quiet]

Serves the console at http://127.0.0.1:<port>/ for a browser on this machine.
  --db <file>    database file (default: ${defaultDbFile()})
  --port <n>     port on 127.0.0.1; 0 picks a free one (default 0)
  --token <t>    access token (default: random per launch, or env CONSOLE_TOKEN)
  --no-demo      create a new database empty instead of with the demo chain
  --quiet        log only warnings and errors
  --static <dir> built renderer to serve (default: out/renderer)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string', default: '0' },
        token: { type: 'string' },
        'no-demo': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Bad --port: ${values.port}`);
  const token = values.token ?? process.env.CONSOLE_TOKEN ?? randomBytes(24).toString('base64url');
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) {
    fail('The token must be 8 to 128 characters of A-Z, a-z, 0-9, "_" or "-".');
  }

  if (values.quiet) setLogLevel('warn');
  const file = path.resolve(values.db ?? defaultDbFile());
  const app = await openConsole({
    file,
    host: 'web',
    version: consoleVersion,
    demoOnFirstStart: !values['no-demo'],
  });
  const staticDir = path.resolve(values.static ?? path.join(__dirname, '../../out/renderer'));
  const host = await startWebHost({ app, port, token, staticDir });
  process.stdout.write(`Console ready at ${host.url}\n`);

  const stop = () => {
    void host
      .close()
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
