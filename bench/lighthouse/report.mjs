// ./bsocial bench web: turns Lighthouse's JSON reports (one per page, mobile profile) into
// docs/benchmarks/web.md and web.values. No dependencies: Node's own fs.
//   node report.mjs <reports dir> <docs/benchmarks dir> <date> <machine>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [reports, parts, date, machine] = process.argv.slice(2);
const PAGES = [
  ['landing', 'Landing (signed out)'], ['login', 'Log in'], ['feed', 'Feed'], ['post', 'A post'],
  ['profile', 'A profile'], ['notifications', 'Notifications'], ['settings', 'Settings']
];
const TARGETS = { performance: 95, lcp: 1500, accessibility: 100, bestPractices: 100, repeatKb: 30 };

const RUNS = 3;

function readRun(name) {
  const file = join(reports, name + '.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** A page's runs (name-1.json …), best performance first. */
function runs(name) {
  const found = [];
  for (let run = 1; run <= RUNS; run++) {
    const report = readRun(name + '-' + run);
    if (report) {
      found.push(report);
    }
  }
  return found.sort((a, b) => figures(b).performance - figures(a).performance
    || figures(a).lcp - figures(b).lcp);
}

/** The median run of a page (by performance, then largest paint), or null when none ran. */
function read(name) {
  const all = runs(name);
  return all.length ? all[Math.floor(all.length / 2)] : null;
}

/** "91–99" over a page's runs, for the spread beside the median. */
function range(name, pick, format) {
  const all = runs(name).map((report) => pick(figures(report)));
  const low = Math.min(...all);
  const high = Math.max(...all);
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

function figures(report) {
  const audit = (id) => report.audits[id] ? report.audits[id].numericValue : NaN;
  const score = (id) => Math.round(report.categories[id].score * 100);
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
    ttfb: audit('server-response-time'), bytes: audit('total-byte-weight')
  };
}

const seconds = (ms) => (ms / 1000).toFixed(2) + ' s';
const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
const mark = (ok) => (ok ? '' : ' ✗');

let md = '\n## The web on a phone (Lighthouse)\n\n';
md += `\`./bsocial bench web\`, ${date}, ${machine}: Lighthouse 12.2.3, its mobile profile (a mid-range phone, `
  + 'simulated slow 4G and 4× slower CPU), headless Chromium, against `./bsocial up` with `./bsocial demo` data, '
  + 'signed in as `ada` except for the landing and login pages, after 30 requests of each page (a warm server). '
  + `Each page ${RUNS} times with an empty cache, in rounds; the feed again after each as a repeat visit (the `
  + 'same browser, its cache kept). Each row is the median run (by performance, then largest paint); the '
  + 'ranges over the runs follow. Targets: performance ≥ 95, largest contentful paint ≤ 1.5 s, accessibility '
  + 'and best practices 100, a repeat visit to the feed ≤ 30 KB. ✗ marks a miss.\n\n';
md += '| Page | Performance | FCP | LCP | TBT | CLS | Server | Transferred | Accessibility | Best practices '
  + '| Runs: performance | Runs: LCP | Runs: TBT |\n';
md += '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n';
const values = [`date=${date}`];
let misses = 0;
for (const [id, label] of PAGES) {
  const report = read(id);
  if (!report) {
    md += `| ${label} | not measured | | | | | | | | | | | |\n`;
    misses++;
    continue;
  }
  const f = figures(report);
  const perfOk = f.performance >= TARGETS.performance;
  const lcpOk = f.lcp <= TARGETS.lcp;
  const a11yOk = f.accessibility >= TARGETS.accessibility;
  const bpOk = f.bestPractices >= TARGETS.bestPractices;
  misses += [perfOk, lcpOk, a11yOk, bpOk].filter((ok) => !ok).length;
  md += `| ${label} | ${f.performance}${mark(perfOk)} | ${seconds(f.fcp)} | ${seconds(f.lcp)}${mark(lcpOk)} | `
    + `${Math.round(f.tbt)} ms | ${f.cls.toFixed(3)} | ${Math.round(f.ttfb)} ms | ${kb(f.bytes)} | `
    + `${f.accessibility}${mark(a11yOk)} | ${f.bestPractices}${mark(bpOk)} | `
    + `${range(id, (x) => x.performance, String)} | ${range(id, (x) => x.lcp, seconds)} | `
    + `${range(id, (x) => x.tbt, (ms) => Math.round(ms) + ' ms')} |\n`;
  values.push(`${id}_performance=${f.performance}`, `${id}_lcp_ms=${Math.round(f.lcp)}`, `${id}_kb=${(f.bytes / 1024).toFixed(1)}`);
}
const repeat = read('feed-repeat');
if (repeat) {
  const f = figures(repeat);
  const ok = f.bytes / 1024 <= TARGETS.repeatKb;
  misses += ok ? 0 : 1;
  md += `\nRepeat visit to the feed (median run): **${kb(f.bytes)}** transferred${mark(ok)} (the page and its data; `
    + `every static file came from the cache; runs ${range('feed-repeat', (x) => x.bytes, kb)}), performance `
    + `${f.performance}, largest contentful paint ${seconds(f.lcp)}.\n`;
  values.push(`feed_repeat_kb=${(f.bytes / 1024).toFixed(1)}`);
}
md += misses ? `\n${misses} target(s) missed in this run.\n` : '\nEvery target met in this run.\n';
writeFileSync(join(parts, 'web.md'), md);
writeFileSync(join(parts, 'web.values'), values.join('\n') + '\n');
console.log(md);
