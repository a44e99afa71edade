import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { sampleEngine } from '../helpers.js';

/**
 * The pages in a real browser (Debian's chromium driven by playwright-core). On a machine without chromium these
 * tests are skipped with a note; CI installs chromium and sets REQUIRE_BROWSER=1, so there they always run.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.REQUIRE_BROWSER) throw new Error(`browser tests: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
if (!available) console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium to run them)`);

const SHOTS = 'test-output/screenshots';
let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  if (!available) return;
  const engine = await sampleEngine();
  await engine.whenPhrasesReady();
  await engine.whenCopiesReady();
  await engine.whenFiguresReady();
  server = createApp(engine).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(!available)('in a browser', () => {
  it('types a query, presses enter, and sees highlighted hits', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/');
    await page.getByLabel('搜索词').fill('乡村振兴');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('.summary').textContent()).resolves.toContain('找到 23 个段落');
    const marks = await page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(marks)).toEqual(new Set(['乡村振兴']));
    await page.screenshot({ path: `${SHOTS}/search-desktop.png`, fullPage: true });
    await page.close();
  });

  it('clicks a region facet and sees only that region, then removes it', async () => {
    const page = await browser.newPage();
    await page.goto(base + '/search?q=' + encodeURIComponent('发展'));
    await page.locator('.facets a', { hasText: '港门镇' }).click();
    await page.waitForURL(/region=/);
    const regions = await page.locator('.hit .region').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(['港门镇']));
    await page.locator('.chip', { hasText: '港门镇' }).click();
    await page.waitForURL((url) => !url.search.includes('region='));
    expect(new Set(await page.locator('.hit .region').allTextContents()).size).toBeGreaterThan(1);
    await page.close();
  });

  it('opens a hit and lands on the anchored passage with the words marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/search?q=' + encodeURIComponent('退役军人服务站'));
    await page.locator('.hit .open').first().click();
    await page.waitForURL(/\/documents\/.+#p-\d+$/);
    const anchor = new URL(page.url()).hash;
    const target = page.locator(`${anchor}`);
    await expect(target.locator('mark').first().textContent()).resolves.toBe('退役军人服务站');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await target.isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/document-desktop.png` });
    await page.close();
  });

  it('copies the citation of a passage', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const doc = (await sampleEngine()).documents[0];
    const target = doc.passages.find((p) => p.text.startsWith('2020年是全面建成小康社会'))!;
    await page.goto(`${base}/documents/${doc.id}#p-${target.index}`);
    const passage = page.locator(`#p-${target.index}`);
    await passage.locator('summary', { hasText: '引用' }).click();
    await passage.getByRole('button', { name: '复制引用' }).click();
    // The clipboard write is asynchronous: wait for the button to say it is done.
    await passage.getByRole('button', { name: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^南山镇人民政府\\. 南山镇2021年政府工作报告\\[R\\]\\. .*2020年工作回顾, 第1段: “2020年是全面建成小康社会.*”\\. http://127\\.0\\.0\\.1:\\d+/documents/${doc.id}#p-${target.index}$`));
    await context.close();
  });

  it('shows the exact hits of a split term, then its related results apart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/search?q=${encodeURIComponent('基层党建工作')}`);
    await expect(page.locator('.summary').first().textContent()).resolves.toContain('找到 1 个段落');
    const exact = page.locator('section.hits > ol.hit-list > li');
    await expect(exact.count()).resolves.toBe(1);
    await expect(exact.first().locator('mark').first().textContent()).resolves.toBe('基层党建工作');
    const related = page.getByRole('region', { name: /相关结果/ });
    await expect(related.textContent()).resolves.toContain('“基层党建工作” → 基层党建、工作');
    const relatedMarks = await related.locator('mark').allTextContents();
    expect(new Set(relatedMarks)).toEqual(new Set(['基层党建', '工作']));
    await page.screenshot({ path: `${SHOTS}/search-related.png`, fullPage: true });
    await page.close();
  });

  it('follows “did you mean” from a typo to the corrected search', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/search?q=${encodeURIComponent('人居环竟整治')}`);
    await expect(page.locator('.summary').first().textContent()).resolves.toContain('找到 0 个段落');
    await page.locator('.did-you-mean').getByRole('link', { name: '人居环境整治' }).click();
    await page.waitForURL(/q=%E4%BA%BA%E5%B1%85%E7%8E%AF%E5%A2%83%E6%95%B4%E6%B2%BB/);
    await expect(page.locator('.summary').first().textContent()).resolves.toMatch(/找到 [1-9]\d* 个段落/);
    await expect(page.locator('.hit mark').first().textContent()).resolves.toBe('人居环境整治');
    await page.close();
  });

  it('draws a timeline whose points lead to the concordance of their year', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/timeline?q=${encodeURIComponent('乡村振兴')}`);
    await expect(page.locator('svg.timeline-chart circle.point').count()).resolves.toBe(3);
    await page.screenshot({ path: `${SHOTS}/timeline.png`, fullPage: true });
    await page.locator('svg.timeline-chart a').last().click();
    await page.waitForURL(/\/kwic\?q=.*&year=2023/);
    await expect(page.locator('.summary').first().textContent()).resolves.toMatch(/在2023年的报告中共出现 \d+ 次/);
    const regions = await page.locator('table.kwic td.where a').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.includes('2023'))).toBe(true);
    await page.close();
  });

  it('compares two reports: new and dropped phrases, each leading to its lines on that side', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/compare`);
    await page.locator('#ca').selectOption('南山镇');
    await page.locator('#cb').selectOption('关路镇');
    await page.locator('#cy').fill('2021');
    await page.locator('form:has(#cy)').getByRole('button', { name: '比较' }).click();
    await page.waitForURL(/\/compare\?a=/);
    const added = page.locator('.compare-lists section').first();
    await expect(added.locator('h2').textContent()).resolves.toMatch(/B 中新出现（[1-9]\d*）/);
    await expect(page.locator('.compare-lists section').nth(1).locator('li').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
    const phrase = (await added.locator('li a').first().textContent())!;
    await added.locator('li a').first().click();
    await page.waitForURL(/\/kwic\?q=.*region=/);
    await expect(page.locator('.summary').first().textContent()).resolves.toContain(`“${phrase}”在关路镇 2021年的报告中共出现`);
    await page.close();
  });

  it('scrolls a wide matrix with the phrase column and the header in view', async () => {
    const page = await browser.newPage({ viewport: { width: 480, height: 700 } });
    await page.goto(`${base}/phrases/matrix`);
    const wrap = page.locator('.matrix-wrap');
    const firstCell = page.locator('table.heat tbody th[scope="row"]').first();
    const before = (await firstCell.boundingBox())!;
    await wrap.evaluate((el) => {
      el.scrollLeft = 600;
      el.scrollTop = 200;
    });
    await expect(wrap.evaluate((el) => el.scrollLeft)).resolves.toBeGreaterThan(100);
    const after = (await page.locator('table.heat tbody tr').nth(8).locator('th').boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    const header = (await page.locator('table.heat thead th').nth(3).boundingBox())!;
    expect(Math.abs(header.y - (await wrap.boundingBox())!.y)).toBeLessThan(3);
    await page.screenshot({ path: `${SHOTS}/matrix-phone.png` });
    await page.close();
  });

  it('goes from the shared phrases to a concordance with one line per occurrence', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/phrases');
    const row = page.locator('table.heat tbody tr', { has: page.locator('a', { hasText: /^乡村振兴$/ }) });
    const count = Number(await row.locator('td').nth(1).textContent());
    await page.screenshot({ path: `${SHOTS}/phrases-desktop.png` });
    await row.locator('a', { hasText: /^乡村振兴$/ }).click();
    await page.waitForURL(/\/kwic\?q=/);
    expect(await page.locator('table.kwic mark').count()).toBe(count);
    await page.locator('.sorts a', { hasText: '按左侧语境' }).click();
    await page.waitForURL(/sort=left/);
    expect(await page.locator('table.kwic mark').count()).toBe(count);
    await page.screenshot({ path: `${SHOTS}/kwic-desktop.png` });
    await page.close();
  });

  it('unfolds a slogan: 六稳 with 含展开 ticked finds a passage that names only 稳就业, marked in the report', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/');
    await page.getByLabel('搜索词').fill('六稳');
    await page.getByLabel('含展开').check();
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/expand=1/);
    await expect(page.locator('.expansions').textContent()).resolves.toContain('“六稳” = 稳就业、稳金融');
    const byPart = page.locator('.hit', { has: page.locator('.form', { hasText: '匹配：稳就业' }) });
    await expect(byPart.count()).resolves.toBe(1);
    await expect(byPart.locator('mark').allTextContents()).resolves.toEqual(['稳就业']);
    await page.screenshot({ path: `${SHOTS}/slogan-search.png`, fullPage: true });
    await byPart.locator('a.open').click();
    await page.waitForURL(/\/documents\/.+#p-\d+/);
    await expect(page.locator('mark', { hasText: '稳就业' }).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('goes from a copied pair to the two passages side by side, the differing characters marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/copies`);
    await expect(page.locator('.copy-pairs li').count()).resolves.toBe(1);
    await page.locator('.copy-pairs a', { hasText: '对照' }).click();
    await page.waitForURL(/\/copies\/compare\?a=/);
    const sides = page.locator('.side-by-side section');
    await expect(sides.count()).resolves.toBe(2);
    await expect(sides.locator('h2').allTextContents()).resolves.toEqual([expect.stringContaining('关路镇'), expect.stringContaining('留庄镇')]);
    await expect(sides.nth(0).locator('ins.differs').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.summary strong').textContent()).resolves.toMatch(/^0\.\d+$/);
    await page.screenshot({ path: `${SHOTS}/copy-compare.png`, fullPage: true });
    await page.close();
  });

  it('goes from an indicator\'s table of figures to the passage, the figure marked there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/figures`);
    await page.locator('table.indicators a', { hasText: /^地区生产总值$/ }).click();
    await page.waitForURL(/\/figures\?indicator=/);
    const cell = page.locator('table.figure-grid tr', { hasText: '港门镇' }).locator('td a').first();
    await expect(cell.textContent()).resolves.toBe('17.1 亿元');
    await page.screenshot({ path: `${SHOTS}/figures.png`, fullPage: true });
    await cell.click();
    await page.waitForURL(/\/documents\/002_d090e128778c2801.*#p-\d+/);
    await expect(page.locator('section.passage.marked mark').first().textContent()).resolves.toBe('17.1亿元');
    await page.close();
  });

  it('reads well at phone width (screenshots of search and document)', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.goto(base + '/search?q=' + encodeURIComponent('人居环境 整治'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/search-phone.png` });
    await page.goto(base + '/documents/002_d090e128778c2801?q=' + encodeURIComponent('乡村振兴'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/document-phone.png` });
    await page.close();
  });
});
