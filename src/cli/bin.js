#!/usr/bin/env node
// Entry point of `npx theorycheck`: registers tsx (TypeScript sources run as is) and runs the CLI.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
