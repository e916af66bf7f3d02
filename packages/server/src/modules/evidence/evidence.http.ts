/**
 * Response headers of evidence downloads. A stored file is whatever a user uploaded, so the browser must never
 * run or render it inside our origin: always an attachment, nosniff (set for every response), and a CSP sandbox.
 */

/** CSP for a download: should a browser render it anyway, it gets an opaque origin with nothing allowed. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

/** The Content-Type to serve: the sniffed media type; text is always UTF-8 (the only text the vault accepts). */
export function servedContentType(mediaType: string): string {
  return mediaType.startsWith("text/") ? `${mediaType}; charset=utf-8` : mediaType;
}

/**
 * `attachment` with an ASCII fallback name (quotes, backslashes, control and non-ASCII characters replaced) and
 * the exact UTF-8 name as RFC 5987 `filename*`.
 */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\%;]/g, "_")
      .trim() || "download";
  const encoded = encodeURIComponent(filename.toWellFormed()).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
