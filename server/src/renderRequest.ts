// The `postmortem/render` request: the preview's and Export HTML's parameters mapped onto the
// service's render (or, for `part: 'metrics'`, onto its analysis alone).
import { displayTitle, type DocumentInput, type PostmortemService, type ReadResource, type RenderOptions } from './core';
import type { RenderParams, RenderResponse } from './protocol';

/** Answers a render request for one document (the server passes its current copy). */
export function renderResponse(service: Pick<PostmortemService, 'model' | 'diagnostics' | 'preview'>, doc: DocumentInput, params: RenderParams, readResource?: ReadResource): RenderResponse {
  const part = params.part ?? (params.mode === 'webview' ? 'body' : 'html');
  if (part === 'metrics') {
    const model = service.model(doc);
    return {
      uri: doc.uri,
      version: doc.version,
      isPostmortem: model.isPostmortem,
      title: displayTitle(model),
      metrics: model.metrics,
      diagnosticsCount: model.isPostmortem ? service.diagnostics(doc).length : 0,
    };
  }
  const options: RenderOptions = { mode: params.mode === 'webview' ? 'webview' : 'standalone' };
  if (params.nonce !== undefined) options.nonce = params.nonce;
  if (params.cspSource !== undefined) options.cspSource = params.cspSource;
  if (params.resourceBase !== undefined) options.resourceBase = params.resourceBase;
  if (params.scriptUri !== undefined) options.scriptUri = params.scriptUri;
  if (readResource) options.readResource = readResource;
  const r = service.preview(doc, options);
  return {
    uri: doc.uri,
    version: doc.version,
    isPostmortem: r.isPostmortem,
    title: r.title,
    metrics: r.metrics,
    diagnosticsCount: r.diagnosticsCount,
    ...(part === 'html' ? { html: r.html } : { body: r.body }),
  };
}
