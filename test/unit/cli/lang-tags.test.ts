import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { environmentLocale, languageOf, localeOf } from '../../../hosts/cli/i18n';
import { cli } from './run-cli';

/*
 * --lang and the environment read a language tag the same way: any tag of Chinese picks
 * the Chinese catalogue (the CLI has one Chinese), any tag of English the English one.
 * The README documents exit code 1 for a wrong command line, a wrong --lang included.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-tags-'));
afterEach(() => vi.unstubAllEnvs());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const chinese = ['zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh_TW', 'zh_TW.UTF-8', 'ZH-hk', ' zh-Hant '];
const english = ['en', 'EN', 'en-US', 'en_GB.UTF-8', 'en@euro'];
const neither = ['fr', 'zhx', 'eng', 'C.UTF-8', '', 'cn'];

describe('a language tag', () => {
  it('of Chinese, in any region, script or encoding, is Chinese', () => {
    for (const tag of chinese) expect(languageOf(tag), tag).toBe('zh-CN');
  });

  it('of English is English, and a tag of neither is none', () => {
    for (const tag of english) expect(languageOf(tag), tag).toBe('en');
    for (const tag of neither) expect(languageOf(tag), tag).toBeUndefined();
  });

  it('reads the same through --lang and through LANG', () => {
    for (const tag of [...chinese, ...english]) {
      expect(localeOf(tag), tag).toBe(environmentLocale({ LANG: tag }));
    }
    // The environment falls back to English; --lang refuses instead (below).
    expect(environmentLocale({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(localeOf('fr_FR.UTF-8')).toBeUndefined();
  });
});

describe('the CLI with --lang', () => {
  it('speaks Chinese with --lang zh-TW, as it does with LANG=zh_TW', async () => {
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'C.UTF-8');
    const flag = await cli('--help', '--lang', 'zh-TW');
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^用法：/);

    vi.stubEnv('LANG', 'zh_TW');
    const env = await cli('--help');
    expect(env.stdout).toBe(flag.stdout);
  });

  it('speaks English with --lang=en-US whatever the environment says', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    expect((await cli('--help', '--lang=en-US')).stdout).toMatch(/^Usage: /);
  });

  it('refuses a tag of no language it speaks with exit 1, listing what it takes', async () => {
    vi.stubEnv('LC_ALL', 'en_US.UTF-8');
    const db = path.join(dir, 'never.db');
    const run = await cli('tags', '--lang', 'fr', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error [usage]: --lang must name Chinese (zh, zh-CN, zh-TW, zh_TW.UTF-8… any tag ' +
        'starting with zh) or English (en, en-US… any tag starting with en), not "fr".',
    );
    expect(fs.existsSync(db)).toBe(false);
  });
});
