/**
 * Typed arrays as base64 text: extension storage and messaging carry JSON only. The native
 * codec (Uint8Array.fromBase64/toBase64: Chromium 140+, Firefox 133+) where the platform has
 * it, without btoa's string round trip; atob/btoa elsewhere (Node 20).
 */
type Base64Native = { toBase64?: () => string };
type Base64Ctor = { fromBase64?: (s: string) => Uint8Array };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as Base64Native).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Ctor).fromBase64;
  // Copy into a fresh, aligned buffer: typed-array views need offsets that are multiples of 4.
  if (native) return new Uint8Array(native(text));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
