/** Saves text as a file through the browser's download (no downloads permission needed). */
export function downloadText(fileName: string, type: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type }));
}

/** Saves a blob (an image, a text) as a file through the browser's download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
