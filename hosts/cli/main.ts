import { exitCodes } from './exit';
import { main } from './program';

// Entry of `npm run cli -- …`; the program itself is in program.ts, testable in-process.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bug:', error);
    process.exit(exitCodes.bug);
  },
);
