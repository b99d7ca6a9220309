// The page's Content-Security-Policy. Everything the app shows is bundled
// with it, so scripts come only from the app's own files and nothing may be
// fetched from, framed by or posted to anywhere else.

// Kept equal to the <meta> policy in renderer/index.html (a unit test
// compares them), in the same order.
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // AG Grid injects its theme as <style> elements at run time and ECharts
  // places its tooltips with style attributes.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

// Browsers ignore these when the policy arrives in a <meta> tag and warn.
const HEADER_ONLY = new Set(['frame-ancestors']);

function render(directives: typeof DIRECTIVES): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = render(DIRECTIVES);

/** The same policy for a `<meta http-equiv>` tag in the page itself. */
export const META_CONTENT_SECURITY_POLICY = render(
  DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)),
);

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * Adds the policy to a response's headers. A policy the response already
 * carries is kept beside ours: the browser enforces both, so the result can
 * only be stricter.
 */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const policies: string[] = [];
  for (const [key, value] of Object.entries(headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (key.toLowerCase() === 'content-security-policy') {
      policies.push(...values);
    } else {
      result[key] = values;
    }
  }
  result['Content-Security-Policy'] = [...policies, CONTENT_SECURITY_POLICY];
  return result;
}
