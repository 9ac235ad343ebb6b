// Report URLs end up as links in the viewer, so only http(s) addresses are accepted:
// a `javascript:` or `data:` URL from a hostile page must never get that far.
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}
