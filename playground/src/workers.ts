// Starts the page's web workers so that the page's Content-Security-Policy governs them too. A worker
// whose script is a URL of the site has only the policy its own response carries (none from a static
// host: a meta tag cannot reach it), while one started from a blob: URL inherits the page's. So each
// worker starts from a one-line blob that imports its real script (a classic script, as the layout
// engine's worker is, with importScripts).
export function startWorker(scriptUrl: string, name: string, type: WorkerType = 'module'): Worker {
  const absolute = JSON.stringify(new URL(scriptUrl, location.href).href);
  const shim = new Blob([type === 'module' ? `import ${absolute};\n` : `importScripts(${absolute});\n`], { type: 'text/javascript' });
  // The blob URL is not revoked: the worker fetches it after this returns, and it is a line of text.
  return new Worker(URL.createObjectURL(shim), { type, name });
}
