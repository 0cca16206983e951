/**
 * A QR code drawn on the device, offline: the course's web page on the
 * kiosk's attract screen. The modules come from qrcode-generator (MIT, no
 * dependency); this file turns a web address into them (`courseUrl` checks
 * and normalises it: only http(s), ASCII once percent-encoded, so the byte
 * mode carries it exactly) and draws them as an SVG of squares (no HTML
 * string is ever parsed).
 */
import qrcode from 'qrcode-generator';

/** The longest address the setting accepts (a version 10 code at level M holds 213 bytes). */
export const COURSE_URL_MAX = 200;

/** The address as the code will carry it, or null when it is not an http(s) web address of at most COURSE_URL_MAX characters. */
export function courseUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!url.hostname || url.username || url.password) return null;
  return url.href.length <= COURSE_URL_MAX ? url.href : null;
}

/** The code's modules, row by row (true: dark), error correction level M, the smallest version that holds the text. */
export function qrModules(text: string): boolean[][] {
  const q = qrcode(0, 'M');
  q.addData(text, 'Byte');
  q.make();
  const n = q.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => q.isDark(r, c)));
}

const SVG = 'http://www.w3.org/2000/svg';

/** The code as an SVG image (a 4-module quiet zone around it), with `label` as its accessible name. */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const m = qrModules(text);
  const size = m.length + 8;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'qr-code');
  svg.dataset.modules = String(m.length);
  const bg = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ width: size, height: size, fill: '#fff' })) bg.setAttribute(k, String(v));
  svg.append(bg);
  // one path for every dark module: a small square each
  let d = '';
  m.forEach((row, r) => row.forEach((dark, c) => dark && (d += `M${c + 4} ${r + 4}h1v1h-1z`)));
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(path);
  return svg;
}
