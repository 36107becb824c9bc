import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** The web host's token for the end-to-end run (fixed, so tests can use it). */
export const e2eToken = 'e2e-token-0123456789';
/** Open this first, as a person opens the printed link: the page keeps the token. */
export const launchPath = `/?token=${e2eToken}`;
const port = Number(process.env.E2E_PORT ?? 47_831);

// One fresh database per run. Workers load this file again: they inherit the folder
// through the environment instead of making their own.
if (!process.env.E2E_DB_DIR) {
  process.env.E2E_DB_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-e2e-'));
}
const dbFile = path.join(process.env.E2E_DB_DIR, 'console.db');

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['json', { outputFile: 'reports/e2e.json' }],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // For the `request` fixture (setting up data through the contract). Pages still open
    // the launch link first, as a person does; the token header rides along there too.
    extraHTTPHeaders: { 'X-Console-Token': e2eToken },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: [
      'node --import tsx hosts/web/start.ts --quiet',
      `--db "${dbFile}" --port ${port} --token ${e2eToken}`,
      process.env.E2E_NO_DEMO ? '--no-demo' : '',
    ].join(' '),
    url: `http://127.0.0.1:${port}/?token=${e2eToken}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
