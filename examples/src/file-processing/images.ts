// The image work of the file-processing example, in pure JavaScript (pngjs): no native
// binaries, so the example runs wherever Node runs. Resizing is nearest-neighbour, which keeps
// a uniform centre block exactly its colour, as the seed's README output expects.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

/** An RGB colour. */
export type Rgb = [red: number, green: number, blue: number];

/** Expands a leading `~` to the home directory, as the seed's Python paths do. */
export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : resolve(path);
}

/** The PNG files of `dir`, by name, so results come in a stable order. */
export async function pngFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.png'))
    .map((entry) => entry.name)
    .sort();
}

/** Reads a PNG file. */
export async function readPng(path: string): Promise<PNG> {
  return PNG.sync.read(await readFile(path));
}

/** A copy of `image` scaled to `width` x `height` by nearest-neighbour sampling. */
export function resizeImage(image: PNG, width: number, height: number): PNG {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`cannot resize to ${width} x ${height}: sizes are whole numbers from 1`);
  }
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    const sourceY = Math.min(image.height - 1, Math.floor(((y + 0.5) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const sourceX = Math.min(image.width - 1, Math.floor(((x + 0.5) * image.width) / width));
      const from = (sourceY * image.width + sourceX) * 4;
      const to = (y * width + x) * 4;
      image.data.copy(out.data, to, from, from + 4);
    }
  }
  return out;
}

/** The RGB colour of the pixel at the centre of `image` (`size // 2` on each axis, as PIL). */
export function centrePixel(image: PNG): Rgb {
  const x = Math.floor(image.width / 2);
  const y = Math.floor(image.height / 2);
  const at = (y * image.width + x) * 4;
  return [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
}

/** Resizes every PNG of `fromDir` into `toDir` (created when missing); returns the files written. */
export async function resizeAll(
  fromDir: string,
  toDir: string,
  size: readonly [number, number],
): Promise<string[]> {
  const source = expandHome(fromDir);
  const target = expandHome(toDir);
  await mkdir(target, { recursive: true });
  const names = await pngFiles(source);
  for (const name of names) {
    const resized = resizeImage(await readPng(join(source, name)), size[0], size[1]);
    await writeFile(join(target, name), PNG.sync.write(resized));
  }
  return names.map((name) => join(target, name));
}

/** The centre pixel of every PNG of `dir`, in file-name order. */
export async function centres(dir: string): Promise<Rgb[]> {
  const folder = expandHome(dir);
  const result: Rgb[] = [];
  for (const name of await pngFiles(folder)) result.push(centrePixel(await readPng(join(folder, name))));
  return result;
}
