import type powerbi from 'powerbi-visuals-api';
import { FormattingSettingsService } from 'powerbi-visuals-utils-formattingmodel';
import '../style/visual.less';
import { SagsflowSettings } from './settings';

/** Sagsflow's Power BI visual (skeleton). */
export class Visual implements powerbi.extensibility.visual.IVisual {
  private readonly host: powerbi.extensibility.visual.IVisualHost;
  private readonly root: HTMLDivElement;
  private readonly formatting: FormattingSettingsService;
  private settings = new SagsflowSettings();

  constructor(options?: powerbi.extensibility.visual.VisualConstructorOptions) {
    if (!options) throw new Error('Visual: constructor options are missing; the host must pass { element, host }');
    this.host = options.host;
    this.formatting = new FormattingSettingsService(this.host.createLocalizationManager());
    this.root = document.createElement('div');
    this.root.className = 'sagsflow';
    options.element.appendChild(this.root);
  }

  update(options: powerbi.extensibility.visual.VisualUpdateOptions): void {
    this.host.eventService.renderingStarted(options);
    try {
      this.settings = this.formatting.populateFormattingSettingsModel(SagsflowSettings, options.dataViews?.[0] as powerbi.DataView);
      this.root.textContent = String(this.host.colorPalette.isHighContrast) + String(this.host.hostCapabilities.allowInteractions);
      this.host.eventService.renderingFinished(options);
    } catch (error) {
      this.host.eventService.renderingFailed(options, String(error));
    }
  }

  getFormattingModel(): powerbi.visuals.FormattingModel {
    return this.formatting.buildFormattingModel(this.settings);
  }
}
