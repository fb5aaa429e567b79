/*
 * The `current` algorithm: the 2008 lock-free-callback design exactly as the seed changeset
 * has it (spec 2), assembled from its modules.
 */

import { keyCreate, keyDelete } from './keys.js';
import type { ZsdOps } from './ops.js';
import { findByIdNolock, getspecific, setspecific, zschedInit, zsdCallbacks } from './zone-zsd.js';

export const currentOps: ZsdOps = {
  keyCreate,
  keyDelete,
  zschedInit,
  zsdCallbacks,
  getspecific,
  setspecific,
  findByIdNolock,
};
