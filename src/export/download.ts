/**
 * Saves a Blob as a file through a temporary blob: URL and an <a download> click, which works in
 * every current browser without a library and passes the app's CSP (downloads are not fetches).
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveText(text: string, type: string, filename: string): void {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}
