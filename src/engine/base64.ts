/**
 * Bytes as base64 text and back (the platform's btoa/atob work on "binary
 * strings"): the PIN's salt and hash (src/store/pin.ts), the LMS's suspend
 * data (src/lms/suspend.ts). Runs the same in Node and in the browser.
 */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
