/**
 * Headers sent with every response. The viewer needs nothing from any other origin: its
 * script, style and data all come from this server, and charts are saved through blob: and
 * data: URLs. No inline script or style is allowed (the page sets styles through the CSSOM,
 * which CSP does not restrict).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // With the opener policy, makes the page cross-origin isolated: the live view's workers get SharedArrayBuffer.
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};
