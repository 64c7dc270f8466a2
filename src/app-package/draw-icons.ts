/**
 * Draws the Teams app icons: a report page on a rounded square in the council's colour
 * (`color.png`, 192x192) and the same page as a white outline on transparent (`outline.png`,
 * 32x32). Shapes are described in a 0..1 square and anti-aliased by 4x4 supersampling, so both
 * sizes come from the same geometry.
 *
 * Run after a build to redraw the committed PNGs:
 *   node dist/src/app-package/draw-icons.js [appPackage]
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The council colour of the icon; the manifest's `accentColor` is the same. */
export const BRAND_COLOUR = '#0E5A8A';

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];
/** The colour of one point of the icon, in the icon's 0..1 square. */
type Painter = (x: number, y: number) => Rgba;

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const WHITE: Rgba = [255, 255, 255, 255];
const SUBSAMPLES = 4;

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/** Mixes a colour towards white, for the folded corner of the page. */
function tint(colour: Rgba, amount: number): Rgba {
  const mix = (channel: number) => Math.round(channel + (255 - channel) * amount);
  return [mix(colour[0]), mix(colour[1]), mix(colour[2]), 255];
}

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const min = inset + radius;
  const max = 1 - inset - radius;
  const dx = x < min ? min - x : x > max ? x - max : 0;
  const dy = y < min ? min - y : y > max ? y - max : 0;
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const abx = bx - ax;
  const aby = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(px - (ax + t * abx), py - (ay + t * aby));
}

/** A page with its top-right corner folded over, and lines of text on it. */
interface Page {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly fold: number;
  /** Each line of text as a segment from its start to its end. */
  readonly lines: ReadonlyArray<readonly [Point, Point]>;
}

function pageCorners(page: Page): Point[] {
  return [
    [page.left, page.top],
    [page.right - page.fold, page.top],
    [page.right, page.top + page.fold],
    [page.right, page.bottom],
    [page.left, page.bottom],
  ];
}

function insidePage(page: Page, x: number, y: number): boolean {
  if (x < page.left || x > page.right || y < page.top || y > page.bottom) return false;
  const foldStart = page.right - page.fold;
  return !(x > foldStart && x - foldStart > y - page.top);
}

function insideFold(page: Page, x: number, y: number): boolean {
  const foldStart = page.right - page.fold;
  return x >= foldStart && y <= page.top + page.fold && x - foldStart <= y - page.top;
}

function nearAnyLine(page: Page, point: Point, halfWidth: number): boolean {
  return page.lines.some(([from, to]) => distanceToSegment(point, from, to) <= halfWidth);
}

/** The colour icon: white page on the council colour, folded corner in a light tint, text lines in the council colour. */
export function colourIconPainter(brandHex: string = BRAND_COLOUR): Painter {
  const brand = hexToRgba(brandHex);
  const foldColour = tint(brand, 0.65);
  const page: Page = {
    left: 0.3,
    top: 0.2,
    right: 0.7,
    bottom: 0.8,
    fold: 0.12,
    lines: [
      [[0.38, 0.42], [0.62, 0.42]],
      [[0.38, 0.53], [0.62, 0.53]],
      [[0.38, 0.64], [0.54, 0.64]],
    ],
  };
  return (x, y) => {
    if (!insideRoundedSquare(x, y, 0, 0.19)) return TRANSPARENT;
    if (insideFold(page, x, y)) return foldColour;
    if (!insidePage(page, x, y)) return brand;
    return nearAnyLine(page, [x, y], 0.026) ? brand : WHITE;
  };
}

/** The outline icon: the same page drawn as white strokes on transparent, as Teams requires. */
export function outlineIconPainter(): Painter {
  const page: Page = {
    left: 0.19,
    top: 0.06,
    right: 0.81,
    bottom: 0.94,
    fold: 0.22,
    lines: [
      [[0.35, 0.45], [0.65, 0.45]],
      [[0.35, 0.62], [0.65, 0.62]],
      [[0.35, 0.79], [0.55, 0.79]],
    ],
  };
  const corners = pageCorners(page);
  const edges: Array<readonly [Point, Point]> = corners.map((corner, index) => [corner, corners[(index + 1) % corners.length]]);
  const foldCorner: Point = [page.right - page.fold, page.top + page.fold];
  edges.push([corners[1], foldCorner], [foldCorner, corners[2]]);
  const halfStroke = 0.045;
  return (x, y) => {
    const point: Point = [x, y];
    const onStroke =
      insideFold(page, x, y) ||
      edges.some(([from, to]) => distanceToSegment(point, from, to) <= halfStroke) ||
      nearAnyLine(page, point, halfStroke);
    return onStroke ? WHITE : TRANSPARENT;
  };
}

/** Renders a painter to a square PNG of `size` pixels, averaging 4x4 samples per pixel. */
export function renderIcon(painter: Painter, size: number): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      // Average premultiplied colour so edges blend towards transparent, not towards black.
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const [r, g, b, a] = painter((col + (sx + 0.5) / SUBSAMPLES) / size, (row + (sy + 0.5) / SUBSAMPLES) / size);
          red += r * a;
          green += g * a;
          blue += b * a;
          alpha += a;
        }
      }
      const offset = (row * size + col) * 4;
      png.data[offset] = alpha === 0 ? 0 : Math.round(red / alpha);
      png.data[offset + 1] = alpha === 0 ? 0 : Math.round(green / alpha);
      png.data[offset + 2] = alpha === 0 ? 0 : Math.round(blue / alpha);
      png.data[offset + 3] = Math.round(alpha / samples);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Writes `color.png` (192x192) and `outline.png` (32x32) into `directory`. */
export function writeIcons(directory: string): { colour: string; outline: string } {
  const colour = path.join(directory, 'color.png');
  const outline = path.join(directory, 'outline.png');
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(colour, renderIcon(colourIconPainter(), 192));
  fs.writeFileSync(outline, renderIcon(outlineIconPainter(), 32));
  return { colour, outline };
}

if (require.main === module) {
  const written = writeIcons(path.resolve(process.argv[2] ?? 'appPackage'));
  process.stdout.write(`wrote ${written.colour} and ${written.outline}\n`);
}
