import pkg from '../../package.json';

/** The console's version, as the package declares it. */
export const consoleVersion: string = pkg.version;
