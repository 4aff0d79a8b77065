/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** "1" builds the banner with an open shadow root (accessibility tests only). */
  readonly VITE_OPEN_SHADOW?: string;
}
