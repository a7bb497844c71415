// Security headers. The Content-Security-Policy allows scripts, styles, fonts and images only from this
// origin: no inline script, no inline style attribute, nothing from a CDN. Untrusted article text can then
// at worst show up as text, never run.

import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps.js';

export function securityHeaders(deps: AppDeps): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // helmet's default allows 'unsafe-inline' styles; our pages need none.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Only behind TLS: on plain-http localhost the upgrade would point the browser at a port with no TLS.
        upgradeInsecureRequests: deps.secureCookies ? [] : null,
      },
    },
    // HSTS on plain http would lock a development host name to https for a year.
    strictTransportSecurity: deps.secureCookies,
    referrerPolicy: { policy: 'same-origin' },
  });
}
