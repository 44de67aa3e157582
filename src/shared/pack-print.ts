// How Chromium prints the meeting pack to PDF (Electron's printToPDF; the e2e test passes the same
// options to Playwright's page.pdf): the page's own CSS page size and margins, and Chromium's footer
// with 「n / N」 page numbers, which CSS cannot give in Chromium (no @page margin boxes). The running
// header is the page's (MeetingPack.tsx), so the header template is left empty.
export const PACK_PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="width:100%;text-align:center;font-size:9pt;font-family:sans-serif;color:#333"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
} as const;
