/** Whether an Accept-Encoding header admits gzip (`gzip`, `x-gzip` or `*`, with q > 0). */
export function acceptsGzip(acceptEncoding: string): boolean {
  let verdict = false;
  for (const item of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = item.split(';').map((part) => part.trim());
    const qParam = params.find((param) => param.startsWith('q='));
    const isAllowed = qParam === undefined || Number(qParam.slice(2)) > 0;
    // An explicit gzip entry overrides `*`, whatever their order.
    if (coding === 'gzip' || coding === 'x-gzip') return isAllowed;
    if (coding === '*') verdict = isAllowed;
  }
  return verdict;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}
