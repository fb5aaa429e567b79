// The node-app entry point (see cli.ts). Exits explicitly: keep-alive sockets must not hold it open.
import { main } from './cli.js';

process.exit(await main(process.argv.slice(2)));
