// The seed's file-processing example: resize every image of a folder, then read the centre
// pixel of each resized image into `$.res`.
import { ActivityRegistration, machine } from '@sfini/core';
import { z } from 'zod';
import { SEED_HEARTBEAT_SECONDS, SEED_MACHINE_NAME, SEED_PREFIX } from '../seed.js';
import { centres, resizeAll } from './images.js';

/** The example's activities, registered together under the seed's prefix. */
export const activities = new ActivityRegistration(SEED_PREFIX);

/** Resizes every image of `image_dir` into `resized_image_dir` (a "smart" activity: named fields). */
export const resizeActivity = activities.smartActivity(
  'resizeActivity',
  {
    fields: {
      image_dir: z.string(),
      resized_image_dir: z.string(),
      new_size: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([64, 64]),
    },
    heartbeatSeconds: SEED_HEARTBEAT_SECONDS,
  },
  async ({ image_dir, resized_image_dir, new_size }) => {
    await resizeAll(image_dir, resized_image_dir, new_size);
  },
);

/** The RGB centre pixel of every image of a folder. */
export const getCentresActivity = activities.activity(
  'getCentresActivity',
  { input: z.string(), heartbeatSeconds: SEED_HEARTBEAT_SECONDS },
  (resizedImageDir) => centres(resizedImageDir),
);

/** Input: the folder of images and the folder for their resized copies. */
export const input = z.object({ image_dir: z.string(), resized_image_dir: z.string() });

export const stateMachine = machine(SEED_MACHINE_NAME, { input }, (start) =>
  start.task('resizeImages', resizeActivity, { resultPath: null }).task('getCentre', getCentresActivity, {
    comment: 'get pixel values of centres of images',
    inputPath: '$.resized_image_dir',
    resultPath: '$.res',
  }),
);
