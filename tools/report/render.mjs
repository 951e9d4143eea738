// Renders Vega-Lite charts to SVG, and to PNG with a headless Chromium, for `actinf bench report`.
//
//   node render.mjs SPECS.json OUT_DIR [CHROMIUM]
//
// SPECS.json holds {"chart-name": <Vega-Lite spec with inline data>, ...}. For each chart this writes
// OUT_DIR/chart-name.svg (Vega's headless renderer: view.toSVG(), no browser needed) and, when CHROMIUM is
// given, OUT_DIR/chart-name.png (a screenshot of that SVG at twice its size). It prints one line per file
// written, "chart-name<TAB>path". A chart that fails is reported on stderr and the others are still drawn;
// the exit code is then 1 (2 for a usage error).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const run = promisify(execFile);

async function toSvg(spec) {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  return { svg, width: Math.ceil(width), height: Math.ceil(height) };
}

async function screenshot(chromium, svgPath, pngPath, width, height) {
  const profile = await mkdtemp(join(tmpdir(), 'actinf-chromium-'));
  try {
    await run(chromium, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--mute-audio',
      `--user-data-dir=${profile}`,
      '--force-device-scale-factor=2',
      `--window-size=${width},${height}`,
      `--screenshot=${pngPath}`,
      pathToFileURL(svgPath).href,
    ], { timeout: 60_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

const [specsPath, outDir, chromium] = process.argv.slice(2);
if (!specsPath || !outDir) {
  console.error('usage: node render.mjs SPECS.json OUT_DIR [CHROMIUM]');
  process.exit(2);
}

const specs = JSON.parse(await readFile(specsPath, 'utf8'));
await mkdir(outDir, { recursive: true });
let failures = 0;
for (const [name, spec] of Object.entries(specs)) {
  try {
    if (!/^[a-z0-9-]+$/.test(name)) {
      throw new Error('chart names are lower-case letters, digits and dashes');
    }

    const { svg, width, height } = await toSvg(spec);
    const svgPath = resolve(outDir, `${name}.svg`);
    await writeFile(svgPath, svg);
    console.log(`${name}\t${svgPath}`);
    if (chromium) {
      const pngPath = resolve(outDir, `${name}.png`);
      await screenshot(chromium, svgPath, pngPath, width, height);
      console.log(`${name}\t${pngPath}`);
    }
  } catch (error) {
    failures++;
    console.error(`${name}: ${error.message.split('\n')[0]}`);
  }
}

process.exit(failures === 0 ? 0 : 1);
