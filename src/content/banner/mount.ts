/**
 * Mounts the banner in a closed shadow root on a host element of our own, so page scripts can
 * neither read it nor restyle it. The host is position: fixed and never shifts the page.
 */
import { h, render } from 'preact';
import type { TabFindings } from '../../shared/findings';
import { OWN_UI_ATTRIBUTE } from '../text-blocks';
import { Banner } from './Banner';
import { BANNER_CSS, HOST_STYLE } from './styles';

export class BannerHost {
  private host: HTMLElement | undefined;
  /** Preact's container inside the shadow root (beside the <style>, which Preact must not own). */
  private root: HTMLElement | undefined;
  private closed = false;
  private model: TabFindings | undefined;

  /** Shows the tab's findings, or removes the banner when there are none. */
  show(model: TabFindings): void {
    this.model = model;
    if (!model.findings.length) {
      this.remove();
      return;
    }
    if (this.closed) return;
    this.ensureHost();
    render(h(Banner, { model, onClose: () => this.close() }), this.root!);
  }

  /** Closed by the user: hidden for the rest of this page view. */
  close(): void {
    this.closed = true;
    this.remove();
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    if (!this.host) {
      this.host = document.createElement('orgcheck-banner');
      this.host.setAttribute(OWN_UI_ATTRIBUTE, '');
      this.host.setAttribute('style', HOST_STYLE);
      // Tests of the banner's accessibility build with VITE_OPEN_SHADOW=1; what ships is closed.
      const shadow = this.host.attachShadow({ mode: import.meta.env.VITE_OPEN_SHADOW === '1' ? 'open' : 'closed' });
      const style = document.createElement('style');
      style.textContent = BANNER_CSS;
      this.root = document.createElement('div');
      shadow.append(style, this.root);
    }
    document.documentElement.append(this.host);
  }

  private remove(): void {
    if (this.root) render(null, this.root);
    this.host?.remove();
  }
}
