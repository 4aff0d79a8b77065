/**
 * Mounts the banner in a closed shadow root on a host element of our own, so page scripts can
 * neither read it nor restyle it. The host is position: fixed and never shifts the page.
 *
 * A page can still hide it or lure a click onto it (issue 11 item 1):
 * - Lured clicks: every press (trusted pointerdown or keydown) is checked against the banner's
 *   visibility over the 800 ms before it (core/banner-gate.ts, visibility.ts). A press that fails
 *   the check does nothing, except Close and Minimise, which then act for this page view only and
 *   tell the background the page hid the warning (the badge shows "!"; issue 18 item 4).
 * - Escape minimises (never closes), and only after a passed check, with focus that no failed
 *   press put in the banner: a lured click focuses it, and the page can then ask for "Esc".
 * - Choices that outlast the page view ("not this organization", "don't warn on this site", a
 *   snooze) are never applied here: the banner hides itself while the background asks the user
 *   on the confirmation page, and comes back when that is settled (`choiceSettled`).
 * - The pill (minimised banner) is watched as the banner is: a page covering it is hiding the warning.
 * - The host has a random name per page view and no attribute of ours (issue 18 item 8): nothing
 *   stable to find it by. A page can still tell that a banner is there (an element it didn't make,
 *   with a closed shadow root): the defence is the badge, which the page can't reach, not hiding.
 * - Removal: the host is mounted again once; a page that removes it twice wins (we never fight a
 *   page in a loop), and the background is told, as it is when the banner stays covered: the
 *   badge then shows "!" and the popup says the page hid the warning.
 */
import { h, render } from 'preact';
import { closeLasts, controlActs, gateAt, type BannerHiddenBy, type Gate } from '../../core/banner-gate';
import type { ChoiceControl } from '../../core/warning-controls';
import type { TabFinding, TabFindings } from '../../shared/findings';
import { markOwnUi } from '../text-blocks';
import { Banner } from './Banner';
import { Pill } from './Pill';
import { BANNER_CSS, HOST_STYLE, NARROW_MEDIA, SHEET_HOST_STYLE } from './styles';
import { randomHostName } from './host-name';
import { VisibilityTracker } from './visibility';

export interface BannerHostActions {
  /** The user asked for a choice: the background opens the confirmation page (false: it didn't). */
  control(control: ChoiceControl): Promise<boolean>;
  show(finding: TabFinding, index: number): void;
  report(): void;
  /** The banner's help button: the background opens OrgCheck's help page. */
  help(): void;
  /** Closed by the user; `lasting`: for the session on this site, else for this page view only. */
  closed(model: TabFindings, lasting: boolean): void;
  /** The page hid the banner without a click. */
  hidden(by: BannerHiddenBy): void;
}

/** A press older than this is not the one a click belongs to. */
const PRESS_FRESH_MS = 10_000;

export class BannerHost {
  private host: HTMLElement | undefined;
  /** Preact's container inside the shadow root (beside the <style>, which Preact must not own). */
  private root: HTMLElement | undefined;
  private model: TabFindings | undefined;
  /** Closed by the user (or given up on): hidden for the rest of this page view. */
  private closedForView = false;
  /** Hidden while the confirmation page asks about a choice. */
  private awaitingChoice = false;
  /** Minimised to a pill by the user, for this page view. */
  private minimised = false;
  /** Under 600 px wide the banner is a bottom sheet (the host's inline style can't hold a media query). */
  private readonly narrow = matchMedia(NARROW_MEDIA);
  private remounts = 0;
  private hiddenReported = false;
  private readonly removalWatch = new MutationObserver(() => this.onPossibleRemoval());
  private readonly visibility = new VisibilityTracker(() => this.reportHidden('covered'));
  /** The check of the last trusted press in the banner, for the click it starts. */
  private lastPress: { at: number; gate: Gate } | undefined;
  /** Focus in the banner came from a press that failed the check (a lured click): Escape does nothing. */
  private focusFromFailedPress = false;

  constructor(private readonly actions: BannerHostActions) {}

  /**
   * The choice the banner asked about was confirmed or cancelled on the confirmation page: the
   * banner, hidden meanwhile, shows the tab's findings as they are now.
   */
  choiceSettled(model: TabFindings | null): void {
    this.awaitingChoice = false;
    const next = model ?? this.model;
    if (next) this.show(next);
  }

  /** Shows the tab's findings, or removes the banner when it should not show. */
  show(model: TabFindings): void {
    this.model = model;
    if (model.banner !== 'shown' || this.closedForView || this.awaitingChoice) {
      this.remove();
      return;
    }
    this.ensureHost();
    if (this.minimised) {
      // The pill is the warning now: a page covering it hides the warning (tracked as the banner).
      render(
        h(Pill, {
          count: model.findings.length,
          restore: () => {
            this.takeGate(); // restoring only shows more: it acts whatever the check says
            this.setMinimised(false);
          },
        }),
        this.root!,
      );
      this.visibility.track(this.root!.querySelector('.pill'), this.host!);
      return;
    }
    render(
      h(Banner, {
        model,
        actions: {
          close: () => this.close(this.takeGate()),
          minimise: () => {
            // A page-view control, as Close: acts whatever the check says, and a failed one says so.
            if (this.takeGate() === 'failed') this.reportHidden('covered');
            this.setMinimised(true);
          },
          escape: () => {
            if (this.takeGate() === 'passed' && !this.focusFromFailedPress) this.setMinimised(true);
          },
          help: () => {
            if (controlActs(this.takeGate())) this.actions.help();
          },
          control: (control) => this.request(control),
          show: (finding, index) => {
            if (controlActs(this.takeGate())) this.actions.show(finding, index);
          },
          report: () => {
            if (controlActs(this.takeGate())) this.actions.report();
          },
        },
      }),
      this.root!,
    );
    this.visibility.track(this.root!.firstElementChild, this.host!);
  }

  /**
   * Moves keyboard focus into the banner (the keyboard shortcut, background/commands.ts),
   * restoring it first if minimised. false: no banner shows on this page view.
   */
  focus(): boolean {
    if (!this.model || this.model.banner !== 'shown' || this.closedForView || this.awaitingChoice || !this.host?.isConnected) return false;
    if (this.minimised) this.setMinimised(false);
    const section = this.root?.querySelector('section');
    if (!section) return false;
    this.focusFromFailedPress = false; // the user's own shortcut put it there
    section.focus();
    return true;
  }

  private setMinimised(minimised: boolean): void {
    this.minimised = minimised;
    if (this.model) this.show(this.model);
  }

  /** Its place; the tracker adds the zoom that undoes the page's (visibility.ts). */
  private readonly placeHost = () => this.host?.setAttribute('style', this.narrow.matches ? SHEET_HOST_STYLE : HOST_STYLE);

  private close(gate: Gate): void {
    if (this.closedForView) return;
    this.closedForView = true;
    // A lured Close: the page hid the warning (the badge says so).
    if (gate === 'failed') this.reportHidden('covered');
    this.remove();
    if (this.model) this.actions.closed(this.model, closeLasts(gate) === 'session');
  }

  private request(control: ChoiceControl): void {
    if (!controlActs(this.takeGate())) return;
    this.awaitingChoice = true;
    this.remove();
    // No confirmation page (refused, or the background failed): the banner comes back at once.
    void this.actions.control(control).then(
      (opened) => opened || this.endWait(),
      () => this.endWait(),
    );
  }

  private endWait(): void {
    this.awaitingChoice = false;
    if (this.model) this.show(this.model);
  }

  /** The check for the click being handled: its press's, or (a click with no press, as assistive technology makes) now. */
  private takeGate(): Gate {
    const press = this.lastPress;
    this.lastPress = undefined;
    if (press && performance.now() - press.at < PRESS_FRESH_MS) return press.gate;
    return gateAt(this.visibility.visibility(), performance.now());
  }

  private readonly onPress = (event: Event) => {
    if (!event.isTrusted) return;
    const gate = gateAt(this.visibility.visibility(), event.timeStamp);
    this.lastPress = { at: event.timeStamp, gate };
    // A pointer press moves focus into the banner: remember whether a lured one did.
    if (event.type === 'pointerdown') this.focusFromFailedPress = gate === 'failed';
  };

  private ensureHost(): void {
    if (!this.host) {
      this.host = document.createElement(randomHostName());
      markOwnUi(this.host, false);
      this.placeHost();
      this.narrow.addEventListener('change', this.placeHost);
      // Tests of the banner's accessibility build with VITE_OPEN_SHADOW=1; what ships is closed.
      const shadow = this.host.attachShadow({ mode: import.meta.env.VITE_OPEN_SHADOW === '1' ? 'open' : 'closed' });
      // Capture: the check is made before any control's own handler runs.
      shadow.addEventListener('pointerdown', this.onPress, { capture: true });
      shadow.addEventListener('keydown', this.onPress, { capture: true });
      const style = document.createElement('style');
      style.textContent = BANNER_CSS;
      this.root = document.createElement('div');
      // Inside the closed root, out of the page's reach: how the tests find the host (tests/e2e/harness.ts).
      this.root.setAttribute('data-orgcheck-root', '');
      shadow.append(style, this.root);
    }
    if (!this.host.isConnected) {
      document.documentElement.append(this.host);
      this.removalWatch.observe(document.documentElement, { childList: true });
    }
  }

  private onPossibleRemoval(): void {
    if (!this.host || this.host.isConnected || this.closedForView || this.awaitingChoice || this.model?.banner !== 'shown') return;
    if (this.remounts >= 1) {
      // The page removed it again: leave the page alone, and say so where it can't reach.
      this.closedForView = true;
      this.remove();
      this.reportHidden('removed');
      return;
    }
    this.remounts++;
    document.documentElement.append(this.host);
  }

  private reportHidden(by: BannerHiddenBy): void {
    if (this.hiddenReported) return;
    this.hiddenReported = true;
    this.actions.hidden(by);
  }

  private remove(): void {
    this.removalWatch.disconnect();
    this.visibility.stop();
    if (this.root) render(null, this.root);
    this.host?.remove();
  }
}
