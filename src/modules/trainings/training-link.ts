// A training's link: only http(s) addresses, and one normalised form per address so a duplicate is caught however
// it was copied (host case, a trailing slash, campaign parameters, a fragment).

/** The address if it is an absolute http or https URL with a host, else null. */
export function parseTrainingUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url;
}

/**
 * The key two links share when they lead to the same training: scheme and host in lower case (no "www."), the
 * default port dropped, no fragment, no utm_* parameters, the other parameters sorted, no trailing slash.
 * http and https count as the same address.
 */
export function normaliseTrainingUrl(value: string): string | null {
  const url = parseTrainingUrl(value);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !key.toLowerCase().startsWith('utm_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}
