/**
 * The report's screenshot (a JPEG data: URL, as the browser captured it) saved as a PNG file, to
 * attach to the official complaint form (which takes image files, not a report's JSON).
 * Re-encoded through a canvas: PNG is lossless and accepted everywhere an image is.
 */
export async function screenshotPngBlob(dataUrl: string): Promise<Blob> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the screenshot could not be encoded as PNG'))), 'image/png'),
  );
}
