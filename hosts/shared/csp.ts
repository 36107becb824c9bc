/**
 * The one Content-Security-Policy of the console, used by the Electron shell (session
 * header), the loopback web host (response header) and the built page (meta tag).
 * Styles allow 'unsafe-inline' because Ant Design and ag-grid inject <style> elements
 * at run time; scripts come only from the app's own files.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a <meta> tag, where browsers ignore (and warn about) frame-ancestors. */
export const contentSecurityPolicyMeta = contentSecurityPolicy
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
