// Proves the file-processing example's two activities do the seed's real work: resizing the
// sample PNGs under examples/images to 64 x 64 and reading the centre pixels the seed README
// shows. The handlers are invoked directly (no machine, no worker) and write into a temporary
// directory, so the test needs no endpoint and leaves the repo untouched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { expandHome, readPng } from './images.js';
import { getCentresActivity, resizeActivity } from './machine.js';

const images = fileURLToPath(new URL('../../images', import.meta.url));
const context = { signal: new AbortController().signal, heartbeat: async () => {} };
const scratch = await mkdtemp(join(tmpdir(), 'sfini-images-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('file-processing activities', () => {
  test('resize every sample image to 64 x 64 and read the centres the seed README shows', async () => {
    const out = join(scratch, 'small');
    await expect(
      resizeActivity.invoke({ image_dir: images, resized_image_dir: out, unrelated: true }, context),
    ).resolves.toBeNull();
    for (const name of ['1-grey.png', '2-lime.png', '3-black.png', '4-blue.png']) {
      const png = await readPng(join(out, name));
      expect([png.width, png.height]).toEqual([64, 64]);
    }
    await expect(getCentresActivity.invoke(out, context)).resolves.toEqual([
      [128, 128, 128],
      [128, 255, 0],
      [0, 0, 0],
      [0, 0, 255],
    ]);
  });

  test('new_size is honoured and validated', async () => {
    const out = join(scratch, 'tiny');
    await resizeActivity.invoke({ image_dir: images, resized_image_dir: out, new_size: [8, 4] }, context);
    const png = await readPng(join(out, '2-lime.png'));
    expect([png.width, png.height]).toEqual([8, 4]);
    await expect(
      resizeActivity.invoke({ image_dir: images, resized_image_dir: out, new_size: [0, 4] }, context),
    ).rejects.toThrow(/new_size/);
  });

  test('~ expands to the home directory', () => {
    expect(expandHome('~/data')).not.toContain('~');
  });
});
