/**
 * OrgCheck's icon (public/icons/icon.svg), inline: an <img> of the packaged file would need the
 * icons to be web-accessible resources, which any page could then load to tell that OrgCheck is
 * installed (and draw a look-alike). Inline SVG is drawn inside the shadow root, out of reach.
 */
export function OrgCheckIcon() {
  return (
    <svg class="icon" viewBox="0 0 128 128" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M64 6 L114 24 V60 C114 92 92 114 64 122 C36 114 14 92 14 60 V24 Z" fill="#b3261e" />
      <path d="M64 18 L102 32 V60 C102 85 86 102 64 109 C42 102 26 85 26 60 V32 Z" fill="#fff" />
      <circle cx="58" cy="58" r="20" fill="none" stroke="#b3261e" stroke-width="9" />
      <path d="M72 72 L88 88" stroke="#b3261e" stroke-width="11" stroke-linecap="round" />
    </svg>
  );
}
