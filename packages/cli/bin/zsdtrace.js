#!/usr/bin/env node
import { start } from '../dist/zsdtrace-start.js';
await start();
