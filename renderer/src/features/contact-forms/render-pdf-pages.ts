import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * Draws each page of a PDF into a canvas with pdf.js, under the app's strict CSP: the worker is a
 * file of the app's own (`worker-src 'self'`), and `isEvalSupported: false` keeps pdf.js from
 * compiling font outlines with `new Function`, so `unsafe-eval` is never needed. pdf.js is loaded
 * only when a signed copy is shown, so it costs nothing elsewhere. Returns a function that stops
 * the work and frees the document.
 */
export function renderPdfPages(
  bytes: Uint8Array,
  container: HTMLElement,
  options: { readonly width: number; readonly label: (page: number, pages: number) => string },
  onDone: (result: { ok: true; pages: number } | { ok: false; message: string }) => void,
): () => void {
  let isCancelled = false;
  let destroy: (() => Promise<void>) | undefined;
  void (async () => {
    try {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      // pdf.js takes the buffer over: give it a copy, so the caller's bytes stay usable.
      const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false });
      destroy = () => task.destroy();
      const document = await task.promise;
      container.replaceChildren();
      for (let number = 1; number <= document.numPages; number += 1) {
        if (isCancelled) return;
        const page = await document.getPage(number);
        const unscaled = page.getViewport({ scale: 1 });
        const scale = options.width / unscaled.width;
        const viewport = page.getViewport({ scale: scale * window.devicePixelRatio });
        const canvas = window.document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / window.devicePixelRatio)}px`;
        canvas.className = 'signed-copy__page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', options.label(number, document.numPages));
        container.append(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      if (!isCancelled) onDone({ ok: true, pages: document.numPages });
    } catch (error) {
      if (isCancelled) return;
      console.error('The signed copy could not be drawn', error);
      onDone({ ok: false, message: 'The signed copy could not be shown here. Save a copy to open it.' });
    }
  })();
  return () => {
    isCancelled = true;
    void destroy?.();
  };
}
