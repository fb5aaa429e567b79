#!/usr/bin/env node
import { run } from '../dist/zsdtrace.js';
await run();
