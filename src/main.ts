import { main } from './cli/index.js';

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`almanac: unexpected error: ${(e as Error)?.stack ?? e}`);
    process.exitCode = 70;
  },
);
