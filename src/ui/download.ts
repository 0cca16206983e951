/** Saves a JSON or CSV text as a file the person downloads (works offline). */
export function downloadText(filename: string, text: string, type = 'application/json') {
  downloadBytes(filename, text, type);
}

/** Saves bytes (a zip…) or a text as a file the person downloads. */
export function downloadBytes(filename: string, data: Uint8Array | string, type: string) {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 16).replace(/[:T]/g, '-');
}
