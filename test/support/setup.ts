import { setLogLevel } from '../../core/shared/log';

// Tests read what the core returns, not its progress lines: keep only warnings and errors.
setLogLevel('warn');
