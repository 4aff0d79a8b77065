/**
 * Mounts the banner in a closed shadow root on a host element of our own, so page scripts can
 * neither read it nor restyle it. The host is position: fixed and never shifts the page.
 * If the page removes the host, it is mounted again once; a page that removes it twice wins
 * (the badge still counts), so we never fight a page in a loop.
 */
import { h, render } from 'preact';
import type { TabFindings } from '../../shared/findings';
import { markOwnUi } from '../text-blocks';
import { Banner, type BannerActions } from './Banner';
import { BANNER_CSS, HOST_STYLE } from './styles';

export class BannerHost {
  private host: HTMLElement | undefined;
  /** Preact's container inside the shadow root (beside the <style>, which Preact must not own). */
  private root: HTMLElement | undefined;
  private model: TabFindings | undefined;
  /** Closed by the user (or given up on): hidden for the rest of this page view. */
  private closedForView = false;
  private remounts = 0;
  private readonly removalWatch = new MutationObserver(() => this.onPossibleRemoval());

  constructor(private readonly actions: Omit<BannerActions, 'close'> & { closed(model: TabFindings): void }) {}

  /** Shows the tab's findings, or removes the banner when it should not show. */
  show(model: TabFindings): void {
    this.model = model;
    if (model.banner !== 'shown' || this.closedForView) {
      this.remove();
      return;
    }
    this.ensureHost();
    render(h(Banner, { model, actions: { ...this.actions, close: () => this.close() } }), this.root!);
  }

  close(): void {
    if (this.closedForView) return;
    this.closedForView = true;
    this.remove();
    if (this.model) this.actions.closed(this.model);
  }

  private ensureHost(): void {
    if (!this.host) {
      this.host = document.createElement('orgcheck-banner');
      markOwnUi(this.host);
      this.host.setAttribute('style', HOST_STYLE);
      // Tests of the banner's accessibility build with VITE_OPEN_SHADOW=1; what ships is closed.
      const shadow = this.host.attachShadow({ mode: import.meta.env.VITE_OPEN_SHADOW === '1' ? 'open' : 'closed' });
      const style = document.createElement('style');
      style.textContent = BANNER_CSS;
      this.root = document.createElement('div');
      shadow.append(style, this.root);
    }
    if (!this.host.isConnected) {
      document.documentElement.append(this.host);
      this.removalWatch.observe(document.documentElement, { childList: true });
    }
  }

  private onPossibleRemoval(): void {
    if (!this.host || this.host.isConnected || this.closedForView || this.model?.banner !== 'shown') return;
    if (this.remounts >= 1) {
      // The page removed it again: leave the page alone.
      this.closedForView = true;
      this.removalWatch.disconnect();
      return;
    }
    this.remounts++;
    document.documentElement.append(this.host);
  }

  private remove(): void {
    this.removalWatch.disconnect();
    if (this.root) render(null, this.root);
    this.host?.remove();
  }
}
