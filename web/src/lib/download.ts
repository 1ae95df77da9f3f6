/** Downloads a file from the API with the person's token. Inside Teams' iframe a plain link would
 * carry no token, so the file is fetched and saved through an object URL (which works there). */
import { type Api, ApiError, languageHeaders } from "./api";

/** The file name the server gave (Content-Disposition), or `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

/** Fetches `path` and saves it; resolves to the saved file's name, or rejects with an ApiError in
 * the one error shape (its message in the reader's language, from the server). */
export async function downloadFile(api: Api, path: string, fallback: string): Promise<string> {
  const token = await api.token();
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${token}`, ...languageHeaders(api.currentLanguage()) },
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (response.status === 401) api.forgetToken();
    throw new ApiError(response.status, body?.error?.code ?? "http_error", body?.error?.message ?? `HTTP ${response.status}`);
  }
  const name = filenameOf(response.headers.get("Content-Disposition"), fallback);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
