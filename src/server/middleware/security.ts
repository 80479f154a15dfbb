/**
 * Headers that keep the app's pages from being framed, sniffed or made to
 * load scripts from elsewhere. The page loads only its own scripts and
 * styles (React's style attributes need 'unsafe-inline' for styles); a
 * route that sets its own policy (the printable progress table) keeps it.
 */
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(opts: { https: boolean }) {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // Meaningful only over HTTPS (a TLS proxy in front); over plain HTTP browsers ignore it anyway.
    strictTransportSecurity: opts.https ? 'max-age=15552000' : false,
    crossOriginOpenerPolicy: true,
    crossOriginResourcePolicy: true,
  });
}
