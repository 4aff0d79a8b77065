/** An endpoint as the user knows it: its host (the full address is in the options). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
